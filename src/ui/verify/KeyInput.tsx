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
}

export function KeyInput({ value, onChange, encoding, onEncodingChange, hmac, material, refused }: Props) {
  return (
    <div className="key-input">
      <label htmlFor="key-input">Public key, key set or secret</label>
      <p id="key-input-help" className="hint">
        PEM (PUBLIC KEY, RSA PUBLIC KEY, CERTIFICATE), a JWK, a JWK Set such as the output of{' '}
        <code>kubectl get --raw /openid/v1/jwks</code>, or for HS tokens the shared secret. It stays in this tab.
      </p>
      <CodeTextarea
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
