import { EXAMPLES, loadExampleToken } from '../../core/index.ts'

export function ExampleMenu({ onPick }: { onPick: (token: string) => void }) {
  return (
    <div className="examples">
      <label htmlFor="examples">Examples</label>
      <select
        id="examples"
        data-testid="example-menu"
        value=""
        onChange={(e) => {
          void loadExampleToken(e.target.value).then((token) => {
            if (token) onPick(token)
          })
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
