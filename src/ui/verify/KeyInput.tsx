import { useEffect, useRef, type RefObject } from 'react'
import type { HmacEncoding, KeyMaterial } from '../../core/verify/index.ts'
import { CodeTextarea } from '../common/CodeTextarea.tsx'

interface Props {
  value: string
  onChange: (value: string) => void
  encoding: HmacEncoding
  onEncodingChange: (encoding: HmacEncoding) => void
  /** Whether the token is an HMAC token, so a plain-text secret applies. */
  hmac: boolean
  material: KeyMaterial
  refused: string | null
  /** Looks at what the box would hold after an insertion; true when the insertion must not happen. */
  guard: (next: string) => boolean
  /** Changes when the box must be replaced by a fresh one, which drops the browser's undo steps. */
  generation: number
}

/**
 * Cancels an insertion (paste, drop, typing, autofill) that `guard` refuses, before the browser
 * applies it: the text then never enters the box, the DOM or the undo history. React's onChange
 * only runs after the browser has changed the box and recorded an undo step; clearing the value
 * then leaves the text one Ctrl+Shift+Z away.
 */
function useInsertionGuard(wrap: RefObject<HTMLDivElement | null>, guard: Props['guard']) {
  useEffect(() => {
    const el = wrap.current
    if (!el) return
    const onBeforeInput = (e: InputEvent) => {
      const box = e.target
      if (!(box instanceof HTMLTextAreaElement) || box.id !== 'key-input') return
      const inserted = e.data ?? e.dataTransfer?.getData('text/plain') ?? null
      if (inserted === null) return
      const next = box.value.slice(0, box.selectionStart) + inserted + box.value.slice(box.selectionEnd)
      if (guard(next)) e.preventDefault()
    }
    el.addEventListener('beforeinput', onBeforeInput)
    return () => el.removeEventListener('beforeinput', onBeforeInput)
  }, [wrap, guard])
}

export function KeyInput(props: Props) {
  const { value, onChange, encoding, onEncodingChange, hmac, material, refused, guard, generation } = props
  const wrap = useRef<HTMLDivElement>(null)
  useInsertionGuard(wrap, guard)
  // The replacement box takes the focus the refused paste left in the old one.
  useEffect(() => {
    if (generation > 0) wrap.current?.querySelector<HTMLTextAreaElement>('#key-input')?.focus()
  }, [generation])
  return (
    <div className="key-input" ref={wrap}>
      <label htmlFor="key-input">Public key, key set or secret</label>
      <p id="key-input-help" className="hint">
        PEM (PUBLIC KEY, RSA PUBLIC KEY, CERTIFICATE), a JWK, a JWK Set such as the output of{' '}
        <code>kubectl get --raw /openid/v1/jwks</code>, an OpenSSH public key, or for HS tokens the shared secret. It
        stays in this tab.
      </p>
      <CodeTextarea
        key={generation}
        id="key-input"
        data-testid="key-input"
        aria-describedby="key-input-help key-recognised"
        value={value}
        onChange={onChange}
        rows={6}
        placeholder={'-----BEGIN PUBLIC KEY-----\n…   or   {"keys":[…]}'}
      />
      {hmac && (
        <div className="key-encoding">
          <label htmlFor="key-encoding">Secret written as</label>{' '}
          <select id="key-encoding" value={encoding} onChange={(e) => onEncodingChange(e.target.value as HmacEncoding)}>
            <option value="utf8">UTF-8 text</option>
            <option value="base64">base64</option>
            <option value="base64url">base64url</option>
          </select>
        </div>
      )}
      {refused ? (
        <p className="key-refused" role="alert" data-testid="key-refused">
          {refused}
        </p>
      ) : (
        <p id="key-recognised" className="key-recognised" data-kind={material.kind} aria-live="polite">
          {material.kind === 'empty' ? '' : `Recognised: ${material.summary}`}
        </p>
      )}
    </div>
  )
}
