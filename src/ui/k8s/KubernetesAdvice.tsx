import { showDeceptive, type AdviceItem } from '../../core/index.ts'
import { CopyButton } from '../common/CopyButton.tsx'

/** Next steps with commands filled in from the token, each with a copy button. */
export function KubernetesAdvice({ items }: { items: AdviceItem[] }) {
  return (
    <div className="k8s-block">
      <h3>Next steps</h3>
      <ul className="k8s-advice">
        {items.map((a) => (
          <li key={a.id} data-testid="advice" data-advice={a.id}>
            <h4>{a.title}</h4>
            {/* Explanations quote values from the token (uids): they must not hide or reorder anything. */}
            <p>{showDeceptive(a.explanation)}</p>
            {a.command && (
              <div className="k8s-command">
                <pre tabIndex={0} data-testid="advice-command">
                  {a.command}
                </pre>
                <CopyButton text={a.command} label={`command: ${a.title}`} />
              </div>
            )}
            {a.withheld && (
              <p className="k8s-warning" data-testid="advice-withheld">
                {a.withheld}
              </p>
            )}
          </li>
        ))}
      </ul>
    </div>
  )
}
