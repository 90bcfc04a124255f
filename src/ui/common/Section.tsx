import { useSyncExternalStore, type ReactNode } from 'react'
import { openSections } from '../../app/sections.ts'

interface FoldProps {
  /** The section id the choice is remembered under (across pastes, in memory only). */
  id: string
  /** What is folded, said on the line that opens it. */
  summary: ReactNode
  /** Open until the user closes it. */
  open?: boolean
  className?: string
  children: ReactNode
}

/**
 * A `<details>` whose open state is the user's, kept across pastes. Folded is not absent: the
 * content stays in the DOM with its hooks and text.
 */
export function Fold({ id, summary, open = false, className, children }: FoldProps) {
  const isOpen = useSyncExternalStore(openSections.subscribe, () => openSections.isOpen(id, open))
  return (
    <details
      className={className ? `fold ${className}` : 'fold'}
      open={isOpen}
      onToggle={(e) => openSections.setOpen(id, e.currentTarget.open)}
    >
      <summary>{summary}</summary>
      {children}
    </details>
  )
}

interface SectionProps {
  /** `time`, `kubernetes`, `findings`…: the element ids derive from it (`<id>-title`). */
  id: string
  title: string
  /** The section's result, said in its heading ("expired 3 years ago · lifetime 1 year"). */
  result?: ReactNode
  /** What the fold holds; without it the section has no fold. */
  fold?: ReactNode
  /** The fold is open until the user closes it. */
  open?: boolean
  testId?: string
  /** Shown under the heading, outside the fold. */
  lead?: ReactNode
  children?: ReactNode
}

/**
 * A section whose heading states its result, with its short part always shown and its long part
 * in a fold the user opens (and that stays open for the next token).
 */
export function Section({ id, title, result, fold, open, testId, lead, children }: SectionProps) {
  return (
    <section className={`panel section section-${id}`} aria-labelledby={`${id}-title`} data-testid={testId}>
      <h2 id={`${id}-title`} className="section-title" tabIndex={-1}>
        {title}
        {result !== undefined && <span className="section-result">: {result}</span>}
      </h2>
      {lead}
      {fold !== undefined && (
        <Fold id={id} summary={fold} open={open}>
          {children}
        </Fold>
      )}
    </section>
  )
}
