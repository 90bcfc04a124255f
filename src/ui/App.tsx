import { lazy, Suspense, useDeferredValue, useMemo, useState } from 'react'
import { analyze } from '../core/index.ts'
import { ExplainedDecodedView } from './decoded/ExplainedDecodedView.tsx'
import { DiagnosticList } from './decoded/DiagnosticList.tsx'
import { FileDrop } from './input/FileDrop.tsx'
import { ErrorBoundary } from './common/ErrorBoundary.tsx'
import { ExampleMenu } from './input/ExampleMenu.tsx'
import { PrivacyNotice } from './shell/PrivacyNotice.tsx'
import { ThemeToggle } from './shell/ThemeToggle.tsx'
import { TokenInput } from './input/TokenInput.tsx'
import { TokenSummary } from './decoded/TokenSummary.tsx'
import { KubernetesSection } from './k8s/LazyKubernetes.tsx'
import { TimePanel } from './time/TimePanel.tsx'
import { VerifySlot } from './verify/VerifySlot.tsx'
import { useKnowledge } from './knowledge/useKnowledge.ts'
import { useExtractionModules, type ExtractionModule } from './input/useExtractionModules.ts'

// Same chunk as the full extractor, which is loaded by the time there is anything to show.
const ExtractionPanel = lazy(() => import('./input/fullExtractor.ts').then((m) => ({ default: m.ExtractionPanel })))
import { OpenedLink } from './share/OpenedLink.tsx'
import { ShareButton } from './share/ShareButton.tsx'
import { inputAtStart, isSignatureRemovedView, useOpenedLink, withSharedNotes } from './share/useOpenedLink.ts'
import { useFollowingPanels, useMarkFirstView } from './firstView.ts'
import { UpdateNotice } from './shell/UpdateNotice.tsx'

const SAME_PASS_LIMIT = 32 * 1024

export function App() {
  const [input, setInput] = useState(inputAtStart)
  // Deferred so that typing stays responsive while a very large paste is decoded. A text of up to
  // 32 KB decodes in about a millisecond: it is shown in the same pass, without a second render.
  const lagging = useDeferredValue(input)
  const deferredInput = input.length <= SAME_PASS_LIMIT ? input : lagging
  const opened = useOpenedLink(setInput)
  // The token picked among several found; it belongs to the text it was picked in.
  const [picked, setPicked] = useState({ input: '', index: 0 })
  const pick = picked.input === deferredInput ? picked.index : 0
  const [wanted, setWanted] = useState<ExtractionModule[]>([])
  const modules = useExtractionModules(wanted)
  // The header warnings and claim checks arrive with the lazily loaded knowledge base.
  const checks = useKnowledge()?.checks
  const analysis = useMemo(
    () =>
      withSharedNotes(
        analyze(deferredInput, {
          extract: modules.extract,
          parseYaml: modules.parseYaml,
          pick,
          checks,
          signatureRemoved: isSignatureRemovedView(opened, deferredInput),
        }),
        opened,
      ),
    [deferredInput, modules.extract, modules.parseYaml, pick, checks, opened],
  )
  const pending = analysis.extraction.pending
  // Asking for a module while rendering is React's way to adjust state to what was just computed.
  if (pending && !wanted.includes(pending)) setWanted([...wanted, pending])
  const empty = deferredInput.trim() === ''
  useMarkFirstView(!empty && !pending)
  const following = useFollowingPanels(!empty && !pending)
  // The deferred render of a large paste leaves the text area (and its large value) alone.
  const inputBox = useMemo(
    () => (
      <>
        <FileDrop onText={setInput}>
          <TokenInput value={input} onChange={setInput} />
        </FileDrop>
        <ExampleMenu onPick={setInput} />
      </>
    ),
    [input],
  )
  // Built only when the analysis changes: a keystroke's urgent render then updates the text area
  // alone, not every panel with the same props.
  const output = useMemo(
    () => (
      <ErrorBoundary resetKey={deferredInput}>
        {empty ? (
          <p className="placeholder">Paste a JWT, or pick an example, to see it decoded and explained.</p>
        ) : pending ? (
          <p className="placeholder">
            {modules.failed === pending
              ? 'The code that searches this kind of paste could not be loaded; paste the token itself.'
              : 'Looking for the token in the paste…'}
          </p>
        ) : (
          <>
            <TokenSummary analysis={analysis} />
            {following && <KubernetesSection analysis={analysis} part="banner" />}
            {following && <TimePanel analysis={analysis} />}
            <ExplainedDecodedView analysis={analysis} onOpenToken={setInput} />
            {following && <VerifySlot analysis={analysis} />}
          </>
        )}
      </ErrorBoundary>
    ),
    [deferredInput, empty, pending, modules.failed, analysis, following],
  )

  return (
    <div className="app">
      <header className="app-header">
        <h1>JWT Explorer</h1>
        <ThemeToggle />
      </header>
      <PrivacyNotice />
      <UpdateNotice />
      <OpenedLink opened={opened} input={deferredInput} />
      <main className="layout">
        <section className="input-column" aria-label="Token input">
          {inputBox}
          {!empty && (analysis.extraction.candidates.length > 1 || analysis.extraction.context) && (
            <Suspense fallback={null}>
              <ExtractionPanel
                extraction={analysis.extraction}
                onPick={(index) => setPicked({ input: deferredInput, index })}
              />
            </Suspense>
          )}
          {!empty && !pending && <ShareButton analysis={analysis} opened={opened} />}
          {!empty && !pending && <DiagnosticList analysis={analysis} />}
        </section>
        <section className="output-column" aria-label="Decoded token">
          {output}
        </section>
      </main>
    </div>
  )
}
