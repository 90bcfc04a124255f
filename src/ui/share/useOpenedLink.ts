import { useEffect, useState } from 'react'
import { loadPermalink, readFragment, type Analysis, type Diagnostic, type ShareState } from '../../core/index.ts'

/** What the page address opened, if anything. */
export type OpenedLink =
  | { type: 'shared'; text: string; state: ShareState; notes: (analysis: Analysis) => Diagnostic[] }
  | { type: 'token'; text: string; param: string }
  | { type: 'error'; diagnostics: Diagnostic[] }

/**
 * Opens what the URL fragment holds: a permalink (decoded lazily, since it needs the permalink
 * code) or a jwt.io-style `#token=`. The fragment is read on load and when it changes; the page
 * itself never writes a token into the address.
 */
export function useOpenedLink(setInput: (text: string) => void): OpenedLink | null {
  const [opened, setOpened] = useState<OpenedLink | null>(openedAtStart)
  useEffect(() => {
    let current = 0
    const open = async () => {
      const request = readFragment(window.location.hash)
      const ticket = ++current
      if (request.type === 'none') return
      if (request.type === 'error') return setOpened({ type: 'error', diagnostics: [request.diagnostic] })
      if (request.type === 'token') {
        setInput(request.token)
        // Already opened at start: keep the same object, so nothing re-renders for it.
        return setOpened((prev) =>
          prev?.type === 'token' && prev.text === request.token && prev.param === request.param
            ? prev
            : { type: 'token', text: request.token, param: request.param },
        )
      }
      const permalink = await loadPermalink()
      const result = await permalink.decodePermalink(request.fragment)
      if (ticket !== current) return
      if (!result.state) return setOpened({ type: 'error', diagnostics: result.diagnostics })
      const state = result.state
      const text = permalink.sharedTokenText(state)
      setInput(text)
      setOpened({ type: 'shared', text, state, notes: (analysis) => permalink.sharedViewDiagnostics(state, analysis) })
    }
    void open()
    const onHash = () => void open()
    window.addEventListener('hashchange', onHash)
    return () => window.removeEventListener('hashchange', onHash)
  }, [setInput])
  return opened
}

/**
 * A jwt.io-style `#token=` link, read synchronously so that the very first render already decodes
 * the token (a permalink needs its lazily loaded code, so it is opened by the effect above).
 */
export function openedAtStart(): OpenedLink | null {
  if (typeof window === 'undefined') return null
  const request = readFragment(window.location.hash)
  return request.type === 'token' ? { type: 'token', text: request.token, param: request.param } : null
}

/** The text to show at start: the token of a `#token=` link, or nothing. */
export function inputAtStart(): string {
  const opened = openedAtStart()
  return opened?.type === 'token' ? opened.text : ''
}

/** True when the page shows an opened shared link whose signature was left out. */
export function isSignatureRemovedView(
  opened: OpenedLink | null,
  input: string,
): opened is Extract<OpenedLink, { type: 'shared' }> {
  return opened?.type === 'shared' && opened.text === input && opened.state.token === undefined
}

/** Adds the shared link's notes (redacted rows, kind changes) to the analysis of its token. */
export function withSharedNotes(analysis: Analysis, opened: OpenedLink | null): Analysis {
  if (opened?.type !== 'shared' || opened.text !== analysis.input) return analysis
  return { ...analysis, diagnostics: [...analysis.diagnostics, ...opened.notes(analysis)] }
}
