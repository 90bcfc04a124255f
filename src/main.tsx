import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { LoadFailure, modules } from './app/modules.ts'
import { createSession } from './app/session.ts'
import { App } from './ui/App.tsx'
import { SessionContext } from './ui/hooks.ts'
import './ui/styles.css'

const session = createSession(modules)

createRoot(document.getElementById('root') as HTMLElement, {
  // A view whose code could not be loaded says so on screen, and the update notice explains why:
  // nothing to report. Anything else a boundary catches is a bug, logged as one.
  onCaughtError: (error, info) => {
    if (error instanceof LoadFailure) return
    console.error(error, info.componentStack)
  },
}).render(
  <StrictMode>
    <SessionContext value={session}>
      <App />
    </SessionContext>
  </StrictMode>,
)
