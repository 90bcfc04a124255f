import { useState } from 'react'
import { modules } from '../app/modules.ts'
import { Deferred, InternalError, LoadFailed, ViewBoundary } from './Deferred.tsx'
import { ExplainedDecodedView } from './decoded/ExplainedDecodedView.tsx'
import { DiagnosticList } from './decoded/DiagnosticList.tsx'
import { TokenSummary } from './decoded/TokenSummary.tsx'
import { useExplorer, useFollowing, useInput, useSession, useView, useWorkbench } from './hooks.ts'
import { FileDrop } from './input/FileDrop.tsx'
import { TokenInput } from './input/TokenInput.tsx'
import { KubernetesSection } from './k8s/KubernetesSection.tsx'
import { DecodeActions, ExampleMenu, ExtractionPanel, OpenedLinkBanner, ShareButton, Views } from './lazyViews.ts'
import { PrivacyNotice } from './shell/PrivacyNotice.tsx'
import { ThemeToggle } from './shell/ThemeToggle.tsx'
import { UpdateNotice } from './shell/UpdateNotice.tsx'
import { TimePanel } from './time/TimePanel.tsx'
import { VerifySlot } from './verify/VerifySlot.tsx'

/** The text area, the file drop and the examples: re-rendered only when the text changes. */
function InputBox() {
  const input = useInput()
  const { setInput, openExample } = useSession()
  return (
    <>
      <FileDrop onText={setInput}>
        <TokenInput value={input} onChange={setInput} />
      </FileDrop>
      {/* The examples follow the first view (or idle, on an empty page), like the rest of the page. */}
      <Deferred name="the examples">
        <ExampleMenu onPick={(id) => void openExample(id)} />
      </Deferred>
    </>
  )
}

/** Under the input: where the token was found, sharing, and the findings about the token as a whole. */
function InputFindings() {
  const view = useView()
  const { pick } = useSession()
  if (view.status !== 'shown') return null
  const { analysis, link } = view
  const { extraction } = analysis
  return (
    <>
      {(extraction.candidates.length > 1 || extraction.context) && (
        <Deferred name="the extraction details" when="now" resetKey={analysis}>
          <ExtractionPanel extraction={extraction} onPick={pick} />
        </Deferred>
      )}
      {/* Sharing follows the first view: most visits never share. */}
      <Deferred name="sharing" resetKey={analysis}>
        <ShareButton analysis={analysis} link={link} />
      </Deferred>
      {/* "Compare with another token…" and "Edit a copy": into the other views. */}
      <Deferred name="the links to other views" resetKey={analysis}>
        <DecodeActions analysis={analysis} />
      </Deferred>
      <ViewBoundary name="the findings" resetKey={analysis}>
        <DiagnosticList analysis={analysis} />
      </ViewBoundary>
    </>
  )
}

/** The decoded token and the panels around it. */
function Output() {
  const view = useView()
  const following = useFollowing()
  const { setInput } = useSession()
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
    case 'shown': {
      const { analysis } = view
      return (
        <>
          <ViewBoundary name="the summary" resetKey={analysis}>
            <TokenSummary analysis={analysis} />
          </ViewBoundary>
          {view.checks === 'failed' && (
            <LoadFailed what={modules.knowledge.what}>
              Until then the rows show names and values only, without the header and claim checks.
            </LoadFailed>
          )}
          {following && <KubernetesSection analysis={analysis} part="banner" />}
          {following && (
            <ViewBoundary name="the time panel" resetKey={analysis}>
              <TimePanel analysis={analysis} />
            </ViewBoundary>
          )}
          <ViewBoundary name="the decoded token" resetKey={analysis}>
            <ExplainedDecodedView analysis={analysis} onOpenToken={setInput} />
          </ViewBoundary>
          {following && <VerifySlot analysis={analysis} />}
        </>
      )
    }
  }
}

/** Says where the shown token came from when the page address opened it. */
function OpenedLinkSlot() {
  const { opened, view } = useExplorer()
  if (!opened) return null
  if (opened.type === 'failed') return <LoadFailed what={opened.what} />
  const shown = view.status === 'shown' && view.link === opened
  return (
    // The banner follows the opened token's first view, rather than competing with it.
    <Deferred name="the opened-link banner">
      <OpenedLinkBanner opened={opened} shown={shown} />
    </Deferred>
  )
}

export function App() {
  const { view } = useWorkbench()
  // Once the address (or a link) has opened another view, the tabs are wanted now and stay.
  const [early, setEarly] = useState(view !== 'decode')
  if (view !== 'decode' && !early) setEarly(true)
  return (
    <div className="app">
      <header className="app-header">
        <h1>JWT Explorer</h1>
        <ThemeToggle />
      </header>
      <PrivacyNotice />
      <UpdateNotice />
      <OpenedLinkSlot />
      {/* The tabs and the other views follow the first view, unless the address opens one of them. */}
      <Deferred name="the views" when={early ? 'now' : 'first-view'} fallback={<div className="view-tabs" />}>
        <Views />
      </Deferred>
      <div role="tabpanel" id="panel-decode" aria-label="Decode" hidden={view !== 'decode'}>
        <main className="layout">
          <section className="input-column" aria-label="Token input">
            <InputBox />
            <InputFindings />
          </section>
          <section className="output-column" aria-label="Decoded token">
            <Output />
          </section>
        </main>
      </div>
    </div>
  )
}
