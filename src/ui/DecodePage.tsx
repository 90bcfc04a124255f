import { modules } from '../app/modules.ts'
import { Deferred, InternalError, LoadFailed, ViewBoundary } from './Deferred.tsx'
import { ExplainedDecodedView } from './decoded/ExplainedDecodedView.tsx'
import { DiagnosticList } from './decoded/DiagnosticList.tsx'
import { useFollowing, useInput, useSession, useView } from './hooks.ts'
import { FileDrop } from './input/FileDrop.tsx'
import { TokenInput } from './input/TokenInput.tsx'
import { KubernetesSection } from './k8s/KubernetesSection.tsx'
import { DecodeActions, ExampleMenu, ExtractionPanel, ShareButton } from './lazyViews.ts'
import { SummaryCard } from './summary/SummaryCard.tsx'
import { TimePanel } from './time/TimePanel.tsx'
import { VerifySlot } from './verify/VerifySlot.tsx'
import './page.css'

/** The text area and the file drop: re-rendered only when the text changes. */
function InputBox() {
  const input = useInput()
  const { setInput } = useSession()
  return (
    <FileDrop onText={setInput}>
      <TokenInput value={input} onChange={setInput} />
    </FileDrop>
  )
}

/** The answers first: the summary card, or what the page is doing instead. */
function Answer() {
  const view = useView()
  switch (view.status) {
    case 'empty':
      return <p className="placeholder">Paste a JWT, or pick an example, to see it decoded and explained.</p>
    case 'broken':
      return <InternalError what="this token" error={view.message} />
    case 'searching':
      return view.failed ? (
        <LoadFailed what={modules[view.module].what}>Meanwhile, paste the token itself.</LoadFailed>
      ) : (
        <p className="placeholder">Looking for the token in the paste…</p>
      )
    case 'shown':
      return (
        <ViewBoundary name="the summary" resetKey={view.analysis}>
          <SummaryCard analysis={view.analysis} />
        </ViewBoundary>
      )
  }
}

/**
 * The workbench under the input: where the token was found, the examples, the key and the
 * cluster settings, and sharing. "Paste the token, paste the key" happens in this one column.
 */
function Workbench() {
  const view = useView()
  const following = useFollowing()
  const { pick, openExample } = useSession()
  const analysis = view.status === 'shown' ? view.analysis : undefined
  const extraction = analysis?.extraction
  return (
    <>
      {extraction && (extraction.candidates.length > 1 || extraction.context) && (
        <Deferred name="the extraction details" when="now" resetKey={analysis}>
          <ExtractionPanel extraction={extraction} onPick={pick} />
        </Deferred>
      )}
      {/* The examples follow the first view (or idle, on an empty page), like the rest of the page. */}
      <Deferred name="the examples">
        <ExampleMenu onPick={(id) => void openExample(id)} />
      </Deferred>
      {/* Mounted for as long as a token is shown, so a pasted key outlives edits of the token. */}
      {analysis && following && <VerifySlot analysis={analysis} />}
      {/* Sharing follows the first view: most visits never share. */}
      {analysis && view.status === 'shown' && (
        <Deferred name="sharing" resetKey={analysis}>
          <ShareButton analysis={analysis} link={view.link} />
        </Deferred>
      )}
      {/* "Compare with another token…" and "Edit a copy": into the other views. */}
      {analysis && (
        <Deferred name="the links to other views" resetKey={analysis}>
          <DecodeActions analysis={analysis} />
        </Deferred>
      )}
    </>
  )
}

/** The details under the summary: the decoded token, then the sections that summarise themselves. */
function Details() {
  const view = useView()
  const following = useFollowing()
  const { setInput } = useSession()
  if (view.status !== 'shown') return null
  const { analysis } = view
  return (
    <>
      {view.checks === 'failed' && (
        <LoadFailed what={modules.knowledge.what}>
          Until then the rows show names and values only, without the header and claim checks.
        </LoadFailed>
      )}
      {view.shapeChecks === 'failed' && <LoadFailed what={modules.shapes.what} />}
      <ViewBoundary name="the decoded token" resetKey={analysis}>
        <ExplainedDecodedView analysis={analysis} onOpenToken={setInput} />
      </ViewBoundary>
      {following && (
        <ViewBoundary name="the time panel" resetKey={analysis}>
          <TimePanel analysis={analysis} />
        </ViewBoundary>
      )}
      {following && <KubernetesSection analysis={analysis} />}
      <ViewBoundary name="the findings" resetKey={analysis}>
        <DiagnosticList analysis={analysis} />
      </ViewBoundary>
    </>
  )
}

/**
 * The decode view. In the page's order (the phone's, and the keyboard's): the input, the summary
 * card, the workbench (key and sharing), the details. From 1024 px wide the workbench sits under
 * the input in the left column and the details under the summary in the right one.
 */
export function DecodePage() {
  return (
    <div className="decode-page">
      <section className="page-input" aria-label="Token input">
        <InputBox />
      </section>
      <section className="page-summary" aria-label="Summary">
        <Answer />
      </section>
      <section className="page-workbench" aria-label="Key, cluster settings and sharing">
        <Workbench />
      </section>
      <section className="page-details" aria-label="Decoded token">
        <Details />
      </section>
    </div>
  )
}
