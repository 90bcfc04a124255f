import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { modules } from './app/modules.ts'
import { createSession } from './app/session.ts'
import { App } from './ui/App.tsx'
import { SessionContext } from './ui/hooks.ts'
import './ui/styles.css'

const session = createSession(modules)

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <SessionContext value={session}>
      <App />
    </SessionContext>
  </StrictMode>,
)
