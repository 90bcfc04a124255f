import { useState } from 'react'
import { DecodePage } from './DecodePage.tsx'
import { Deferred, LoadFailed } from './Deferred.tsx'
import { useExplorer, useWorkbench } from './hooks.ts'
import { OpenedLinkBanner, Views } from './lazyViews.ts'
import { PrivacyNotice } from './shell/PrivacyNotice.tsx'
import { ThemeToggle } from './shell/ThemeToggle.tsx'
import { UpdateNotice } from './shell/UpdateNotice.tsx'

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
          <DecodePage />
        </main>
      </div>
    </div>
  )
}
