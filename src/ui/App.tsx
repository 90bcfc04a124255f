import { useDeferredValue, useMemo, useState } from 'react'
import { analyze } from '../core/index.ts'
import { ExplainedDecodedView } from './ExplainedDecodedView.tsx'
import { DiagnosticList } from './DiagnosticList.tsx'
import { ErrorBoundary } from './ErrorBoundary.tsx'
import { ExampleMenu } from './ExampleMenu.tsx'
import { PrivacyNotice } from './PrivacyNotice.tsx'
import { ThemeToggle } from './ThemeToggle.tsx'
import { TokenInput } from './TokenInput.tsx'
import { TokenSummary } from './TokenSummary.tsx'
import { TimePanel } from './time/TimePanel.tsx'
import { VerifySlot } from './VerifySlot.tsx'
import { useKnowledge } from './useKnowledge.ts'
import { OpenedLink } from './share/OpenedLink.tsx'
import { ShareButton } from './share/ShareButton.tsx'
import { isSignatureRemovedView, useOpenedLink, withSharedNotes } from './share/useOpenedLink.ts'
import { UpdateNotice } from './UpdateNotice.tsx'

export function App() {
  const [input, setInput] = useState('')
  // Deferred so that typing stays responsive while a very large paste is decoded.
  const deferredInput = useDeferredValue(input)
  const opened = useOpenedLink(setInput)
  // The header warnings and claim checks arrive with the lazily loaded knowledge base.
  const checks = useKnowledge()?.checks
  const analysis = useMemo(
    () => withSharedNotes(analyze(deferredInput, checks, { signatureRemoved: isSignatureRemovedView(opened, deferredInput) }), opened),
    [deferredInput, checks, opened],
  )
  const empty = deferredInput.trim() === ''

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
          <TokenInput value={input} onChange={setInput} />
          <ExampleMenu onPick={setInput} />
          {!empty && <ShareButton analysis={analysis} opened={opened} />}
          {!empty && <DiagnosticList analysis={analysis} />}
        </section>
        <section className="output-column" aria-label="Decoded token">
          <ErrorBoundary resetKey={deferredInput}>
            {empty ? (
              <p className="placeholder">Paste a JWT, or pick an example, to see it decoded and explained.</p>
            ) : (
              <>
                <TokenSummary analysis={analysis} />
                <TimePanel analysis={analysis} />
                <ExplainedDecodedView analysis={analysis} onOpenToken={setInput} />
                <VerifySlot analysis={analysis} />
              </>
            )}
          </ErrorBoundary>
        </section>
      </main>
    </div>
  )
}
