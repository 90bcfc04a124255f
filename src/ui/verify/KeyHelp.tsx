import { modules } from '../../app/modules.ts'
import { useModuleValue } from '../hooks.ts'
import { CopyButton } from '../common/CopyButton.tsx'

/**
 * Where to get the keys: commands and addresses as text. The page never fetches any of them.
 * The hints come with the verification code (core/verify/keyHelp.ts), which the panel loads as
 * soon as it is touched (a click on this fold is a touch), so a token that is only read does
 * not load them; until they are there the fold holds its introduction only.
 */
export function KeyHelp({ iss }: { iss: string | undefined }) {
  const verifier = useModuleValue(modules.verifier)
  const hints = verifier?.keySourceHints(iss) ?? []
  return (
    <details className="key-help" onToggle={(e) => e.currentTarget.open && void modules.verifier.load()}>
      <summary>Where to get the keys</summary>
      <p className="hint">
        Run these yourself and paste the output above. This page makes no network request: addresses are shown as text,
        not opened.
      </p>
      {hints.length > 0 && (
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
      )}
    </details>
  )
}
