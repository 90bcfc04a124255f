import { EXAMPLES } from '../../core/index.ts'

/** The examples menu; `onPick` gets the example's id (the session loads its token on demand). */
export function ExampleMenu({ onPick }: { onPick: (id: string) => void }) {
  return (
    <div className="examples">
      <label htmlFor="examples">Examples</label>
      <select id="examples" data-testid="example-menu" value="" onChange={(e) => onPick(e.target.value)}>
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
