import { EXAMPLES } from '../core/index.ts'

export function ExampleMenu({ onPick }: { onPick: (token: string) => void }) {
  return (
    <div className="examples">
      <label htmlFor="examples">Examples</label>
      <select
        id="examples"
        data-testid="example-menu"
        value=""
        onChange={(e) => {
          const ex = EXAMPLES.find((x) => x.id === e.target.value)
          if (ex) onPick(ex.token)
        }}
      >
        <option value="">Load an example…</option>
        {EXAMPLES.map((ex) => (
          <option key={ex.id} value={ex.id}>
            {ex.label}
          </option>
        ))}
      </select>
    </div>
  )
}
