import { keySourceHints } from '../../core/verify/index.ts'
import { CopyButton } from '../common/CopyButton.tsx'

/** Where to get the keys: commands and addresses as text. The page never fetches any of them. */
export function KeyHelp({ iss }: { iss: string | undefined }) {
  const hints = keySourceHints(iss)
  return (
    <details className="key-help">
      <summary>Where to get the keys</summary>
      <p className="hint">
        Run these yourself and paste the output above. This page makes no network request: addresses are shown as text,
        not opened.
      </p>
      <ul>
        {hints.map((h) => (
          <li key={h.title}>
            <span className="key-help-title">{h.title}</span>
            <span className="key-help-line">
              <code>{h.text}</code> <CopyButton text={h.text} label={h.title} />
            </span>
            <span className="hint">{h.note}</span>
          </li>
        ))}
      </ul>
    </details>
  )
}
