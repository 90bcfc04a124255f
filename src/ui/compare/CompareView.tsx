import { useEffect, useMemo } from 'react'
import { analyzeSide, type SideAnalysis } from '../../app/compareSides.ts'
import { modules } from '../../app/modules.ts'
import { intlZone } from '../../app/settings.ts'
import {
  showDeceptive,
  showDeceptiveJson,
  zonedForm,
  type CompareNote,
  type CompareSide,
  type Comparison,
  type DiffRow,
  type DiffValue,
} from '../../core/index.ts'
import { CodeTextarea } from '../common/CodeTextarea.tsx'
import { DiagnosticItem } from '../decoded/DiagnosticList.tsx'
import { LoadFailed } from '../Deferred.tsx'
import { useModule, useModuleState, useNow, useSession, useTimeSettings, useWorkbench } from '../hooks.ts'
import './compare.css'

type Side = 'left' | 'right'

const SIDE_LABEL: Record<Side, string> = {
  left: 'Left: the token a client uses now',
  right: 'Right: the token it switches to',
}

const CHANGE_WORDS: Record<DiffRow['change'], string> = {
  added: 'added',
  removed: 'removed',
  changed: 'changed',
  same: 'same',
}

const NOTE_TITLES: Record<CompareNote['id'], string> = {
  'kind-changed': 'Another kind of token',
  'identity-changed': 'Another identity',
  'same-identity': 'The same identity',
  'issuer-changed': 'Another issuer',
  'audience-changed': 'Other audiences',
  'key-changed': 'Another signing key',
  'binding-changed': 'Bound to other objects',
  'lifetime-changed': 'Another lifetime',
  'validity-differs': 'Valid on one side only',
  'provider-changed': 'Another provider',
}

/**
 * The compare view: two inputs that take anything the main input takes, a diff of header and
 * claims by JSON Pointer, and notes on what the differences mean for a client that switches from
 * the left token to the right one. Both texts stay in memory: nothing is fetched, stored or put
 * in a link.
 */
export default function CompareView() {
  const compare = useModule(modules.compare)
  const { workbench } = useSession()
  const { left, right } = useWorkbench()
  const { zone, leewaySeconds } = useTimeSettings()
  const now = Math.floor(useNow() / 1000)
  // The extraction code a paste needs arrives on its own: its state is part of what a side reads.
  const extractor = useModuleState(modules.extractor)
  const yaml = useModuleState(modules.yaml)
  const sides = useMemo(
    () => ({ left: analyzeSide(left, modules), right: analyzeSide(right, modules), extractor, yaml }),
    [left, right, extractor, yaml],
  )
  useEffect(() => {
    for (const s of [sides.left, sides.right]) if (s.waiting) void modules[s.waiting.module].load()
  }, [sides])
  const comparison = useMemo(
    () => compare.compareTokens(sides.left.analysis, sides.right.analysis, { now, leeway: leewaySeconds }),
    [compare, sides, now, leewaySeconds],
  )
  const both = left.trim() !== '' && right.trim() !== ''

  return (
    <main className="workbench compare-view" aria-labelledby="compare-title">
      <h2 id="compare-title">Compare two tokens</h2>
      <p className="workbench-intro">
        Paste two tokens, or anything the main input takes (a Secret, a kubeconfig, an <code>Authorization</code>{' '}
        header…). Both stay in this tab: nothing is fetched, stored or put in a link.
      </p>
      <div className="workbench-columns">
        {(['left', 'right'] as const).map((side) => (
          <SideInput
            key={side}
            side={side}
            text={side === 'left' ? left : right}
            onChange={(text) => workbench.open('compare', { [side]: text })}
            read={sides[side]}
            described={comparison[side]}
            comparison={comparison}
          />
        ))}
      </div>
      {left !== '' || right !== '' ? (
        <button
          type="button"
          className="link-button"
          onClick={() => workbench.open('compare', { left: right, right: left })}
        >
          Swap left and right
        </button>
      ) : null}
      {both ? (
        <>
          <Notes notes={comparison.notes} rows={comparison.rows} />
          <Rows rows={comparison.rows} zone={zone} />
        </>
      ) : (
        <p className="placeholder">Paste a token on each side to see what differs and what it means.</p>
      )}
    </main>
  )
}

interface SideInputProps {
  side: Side
  text: string
  onChange: (text: string) => void
  read: SideAnalysis
  described: CompareSide
  comparison: Comparison
}

function SideInput({ side, text, onChange, read, described, comparison }: SideInputProps) {
  const id = `compare-${side}`
  // An empty side needs no message (the placeholder says it); the comparison's own diagnostics
  // name their side ("The left side…"), and the side's own errors say why it does not decode.
  const mine =
    text.trim() === ''
      ? []
      : [
          ...comparison.diagnostics.filter((d) => d.message.includes(`The ${side} side`)),
          ...described.analysis.diagnostics.filter((d) => d.severity === 'error').slice(0, 3),
        ]
  return (
    <div className="compare-side">
      <label htmlFor={id}>{SIDE_LABEL[side]}</label>
      <CodeTextarea id={id} data-testid={id} value={text} onChange={onChange} rows={6} placeholder="eyJhbGciOi…" />
      {read.waiting &&
        (read.waiting.failed ? (
          <LoadFailed what={modules[read.waiting.module].what} />
        ) : (
          <p className="placeholder">Looking for the token in the paste…</p>
        ))}
      {text.trim() !== '' && !read.waiting && (
        <p className="compare-side-summary" data-testid="compare-side" data-side={side} data-kind={described.kind}>
          <span className="compare-kind">{kindWords(described)}</span>
          {described.identity.kind === 'kubernetes' && (
            <>
              {' '}
              as <code>{showDeceptive(described.identity.username)}</code>
            </>
          )}
        </p>
      )}
      {mine.length > 0 && (
        <ul className="compare-diagnostics" aria-label={`About the ${side} side`}>
          {mine.map((d, i) => (
            <DiagnosticItem key={`${d.code}-${i}`} d={d} testId="compare-diagnostic" />
          ))}
        </ul>
      )}
    </div>
  )
}

const KIND_WORDS: Record<CompareSide['kind'], string> = {
  'k8s-legacy': 'Kubernetes legacy (Secret-based) service account token',
  'k8s-bound-pod': 'Kubernetes service account token bound to a pod',
  'k8s-bound-secret': 'Kubernetes service account token bound to a Secret',
  'k8s-bound-node': 'Kubernetes service account token bound to a node',
  'k8s-bound-validatingwebhook': 'Kubernetes service account token bound to a ValidatingWebhookConfiguration',
  'k8s-bound-mutatingwebhook': 'Kubernetes service account token bound to a MutatingWebhookConfiguration',
  'k8s-bound-other': 'Kubernetes service account token bound to another kind of object',
  'k8s-token-request': 'Kubernetes TokenRequest token, bound to no object',
  jwt: 'JWT',
  jwe: 'An encrypted token (JWE): only its header can be compared',
  invalid: 'Not a token that decodes',
}

function kindWords(s: CompareSide): string {
  return s.status === 'unreadable' ? KIND_WORDS.invalid : KIND_WORDS[s.kind]
}

function Notes({ notes, rows }: { notes: CompareNote[]; rows: DiffRow[] }) {
  const shown = new Set(rows.map(rowKey))
  return (
    <section className="compare-notes" aria-labelledby="compare-notes-title">
      <h3 id="compare-notes-title">What the differences mean</h3>
      {notes.length === 0 ? (
        <p>Nothing that changes what a verifier decides: the tokens differ in details only, if at all.</p>
      ) : (
        <ul>
          {notes.map((n) => {
            const targets = n.targets.filter((t) => shown.has(`${t.location}:${t.pointer}`))
            return (
              <li
                key={n.id}
                className={`compare-note severity-${n.severity}`}
                data-testid="compare-note"
                data-note={n.id}
                data-severity={n.severity}
              >
                <strong>{NOTE_TITLES[n.id]}.</strong>{' '}
                <span data-testid="compare-note-sentence">{showDeceptive(n.sentence)}</span>
                {targets.length > 0 && (
                  <span className="compare-note-targets">
                    {' '}
                    See{' '}
                    {targets.map((t, i) => (
                      <span key={`${t.location}:${t.pointer}`}>
                        {i > 0 && ', '}
                        <button
                          type="button"
                          className="link-button"
                          data-testid="compare-note-target"
                          onClick={() => showRow(t.location, t.pointer)}
                        >
                          {t.location === 'header' ? 'header ' : ''}
                          <code>{showDeceptive(t.pointer)}</code>
                        </button>
                      </span>
                    ))}
                    .
                  </span>
                )}
              </li>
            )
          })}
        </ul>
      )}
    </section>
  )
}

/**
 * Brings a note's member into view and moves the focus to its row, opening the fold of the
 * rows that are the same when the row sits there.
 */
function showRow(location: DiffRow['location'], pointer: string) {
  const attr = location === 'payload' ? 'data-path' : 'data-header-path'
  const row = document.querySelector(`[data-testid=compare-row][${attr}="${CSS.escape(pointer)}"]`)
  const head = row?.querySelector<HTMLElement>('th')
  if (!row || !head) return
  const fold = row.closest('details')
  if (fold) fold.open = true
  head.focus()
  head.scrollIntoView({ block: 'center' })
}

const rowKey = (row: DiffRow) => `${row.location}:${pointerOf(row)}`

function Rows({ rows, zone }: { rows: DiffRow[]; zone: string }) {
  const differing = rows.filter((r) => r.change !== 'same')
  const same = rows.filter((r) => r.change === 'same')
  return (
    <section className="compare-rows" aria-labelledby="compare-rows-title">
      <h3 id="compare-rows-title">Header and claims</h3>
      {differing.length === 0 ? (
        <p>Every member is the same on both sides.</p>
      ) : (
        <RowTable rows={differing} zone={zone} caption="Members that differ" />
      )}
      {same.length > 0 && (
        // Folded, not absent: the rows stay in the document with their hooks.
        <details className="compare-same" data-testid="compare-same">
          <summary>
            {same.length} {same.length === 1 ? 'member is' : 'members are'} the same
          </summary>
          <RowTable rows={same} zone={zone} caption="Members that are the same" />
        </details>
      )}
    </section>
  )
}

function RowTable({ rows, zone, caption }: { rows: DiffRow[]; zone: string; caption: string }) {
  return (
    <table className="compare-table">
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Member</th>
          <th scope="col">Left</th>
          <th scope="col">Right</th>
          <th scope="col">Change</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <Row key={rowKey(row)} row={row} zone={zone} />
        ))}
      </tbody>
    </table>
  )
}

const pointerOf = (row: DiffRow) => (row.location === 'payload' ? row.path : row.headerPath)

function Row({ row, zone }: { row: DiffRow; zone: string }) {
  const hook = row.location === 'payload' ? { 'data-path': row.path } : { 'data-header-path': row.headerPath }
  return (
    <tr data-testid="compare-row" data-change={row.change} className={`change-${row.change}`} {...hook}>
      {/* Focusable from a note's link (not in the tab order). */}
      <th scope="row" tabIndex={-1}>
        <span className="compare-where">{row.location === 'header' ? 'header ' : ''}</span>
        <code>{showDeceptive(pointerOf(row))}</code>
      </th>
      <td>
        {row.left ? <Value v={row.left} group={row.isGroup} zone={zone} /> : <span className="absent">absent</span>}
      </td>
      <td>
        {row.right ? <Value v={row.right} group={row.isGroup} zone={zone} /> : <span className="absent">absent</span>}
      </td>
      <td>
        <span className="change">{CHANGE_WORDS[row.change]}</span>
        {row.shift && (
          <span className="compare-shift">
            {' '}
            ({row.shift.words} {row.shift.seconds > 0 ? 'later' : 'earlier'})
          </span>
        )}
        {row.set && row.change === 'changed' && (
          <span className="compare-set">
            {row.set.gained.length > 0 && <> gained {quoteAll(row.set.gained)}</>}
            {row.set.gained.length > 0 && row.set.lost.length > 0 && ';'}
            {row.set.lost.length > 0 && <> lost {quoteAll(row.set.lost)}</>}
          </span>
        )}
        {row.set && row.change === 'same' && row.set.shapeChanged && (
          <span className="compare-set"> (the same members, written another way)</span>
        )}
      </td>
    </tr>
  )
}

const quoteAll = (xs: string[]) => xs.map((x) => `"${showDeceptive(x)}"`).join(', ')

function Value({ v, group, zone }: { v: DiffValue; group: boolean; zone: string }) {
  if (group) return <span className="compare-object">an object</span>
  if (v.date) {
    const readable = zonedForm(v.date.seconds, intlZone(zone))
    return (
      <span className="compare-date">
        {readable && v.date.iso ? (
          <time dateTime={v.date.iso}>
            {readable.dateTime} {readable.offset}
          </time>
        ) : null}{' '}
        <code>{v.raw ?? String(v.date.seconds)}</code>
      </span>
    )
  }
  return <code className="compare-value">{showDeceptiveJson(v.raw ?? JSON.stringify(v.value))}</code>
}
