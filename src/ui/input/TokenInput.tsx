import { CodeTextarea } from '../common/CodeTextarea.tsx'
import { Deferred } from '../Deferred.tsx'
import { KeyboardHabits } from '../lazyViews.ts'

interface Props {
  value: string
  onChange: (value: string) => void
}

export function TokenInput({ value, onChange }: Props) {
  return (
    <div className="token-input">
      <label htmlFor="token-input">Token, or text containing one</label>
      <CodeTextarea
        id="token-input"
        data-testid="token-input"
        value={value}
        onChange={onChange}
        rows={8}
        placeholder="eyJhbGciOi…"
      />
      {value !== '' && (
        <button type="button" className="link-button" onClick={() => onChange('')}>
          Clear
        </button>
      )}
      {/* `/` for the claim filter, and a paste anywhere on the page lands here. */}
      <Deferred name="the keyboard shortcuts" quiet>
        <KeyboardHabits onPaste={onChange} />
      </Deferred>
    </div>
  )
}
