import { DecodePage } from './DecodePage.tsx'
import { Deferred, LoadFailed } from './Deferred.tsx'
import { useExplorer } from './hooks.ts'
import { OpenedLinkBanner } from './lazyViews.ts'
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
  return (
    <div className="app">
      <header className="app-header">
        <h1>JWT Explorer</h1>
        <ThemeToggle />
      </header>
      <PrivacyNotice />
      <UpdateNotice />
      <OpenedLinkSlot />
      <main className="layout">
        <DecodePage />
      </main>
    </div>
  )
}
