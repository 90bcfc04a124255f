import { useEffect, useMemo, useState, useSyncExternalStore } from 'react'
import { Composer } from '../../app/composer.ts'
import { modules, type ComposerModule } from '../../app/modules.ts'
import type {
  ComposeAlg,
  Diagnostic,
  FieldId,
  FieldSpec,
  FieldValues,
  HmacEncoding,
  TemplateId,
  TemplateInfo,
} from '../../core/index.ts'
import { CodeTextarea } from '../common/CodeTextarea.tsx'
import { CopyButton } from '../common/CopyButton.tsx'
import { DiagnosticItem } from '../decoded/DiagnosticList.tsx'
import { useModule, useSession, useWorkbench } from '../hooks.ts'
import '../compare/compare.css'
import './compose.css'

const ALG_WORDS: Record<ComposeAlg, string> = {
  RS256: 'RS256 (RSA, what Kubernetes uses by default)',
  PS256: 'PS256 (RSA-PSS)',
  ES256: 'ES256 (EC P-256)',
  ES384: 'ES384 (EC P-384)',
  EdDSA: 'EdDSA (Ed25519)',
  HS256: 'HS256 (shared secret)',
  HS384: 'HS384 (shared secret)',
  HS512: 'HS512 (shared secret)',
  none: 'none (unsigned: to test that a verifier refuses it)',
}

/**
 * The compose view: a draft from a template or a copy, as JSON text and as form fields; an
 * algorithm and a key made or pasted here; and the token, made only when the user signs, with the
 * public JWKS a verifier needs. Private material stays in this view's memory: "Forget key" and
 * leaving the view drop it.
 */
export default function ComposeView() {
  const code = useModule(modules.compose)
  const session = useSession()
  const { workbench } = session
  const { view, draft } = useWorkbench()
  const [composer] = useState(() => {
    // The time of the click that picks a template (the shared clock only ticks while something shows time).
    const created = new Composer(code, () => Math.floor(Date.now() / 1000))
    // A copy handed over as the view opens is its first draft: the template never shows before it.
    if (draft) created.adopt(draft)
    return created
  })
  const s = useSyncExternalStore(composer.subscribe, composer.getSnapshot)
  // Leaving the view drops the key; the draft and the token (not secret) stay.
  useEffect(() => {
    if (view !== 'compose') composer.forgetKey()
  }, [view, composer])
  useEffect(() => () => composer.forgetKey(), [composer])
  // "Edit a copy" while the view is open: taken once, unsigned (adopting the first draft again is harmless).
  useEffect(() => {
    if (!draft) return
    composer.adopt(draft)
    workbench.open(workbench.getSnapshot().view, { draft: null })
  }, [draft, composer, workbench])

  const info = code.templateInfo(s.template)
  const check = useMemo(() => code.checkDraft({ header: s.header, payload: s.payload }), [code, s.header, s.payload])
  const fields = useMemo(() => code.readFields(s.payload, info.fields), [code, s.payload, info.fields])
  const hmac = s.alg.startsWith('HS')
  const stale = composer.isStale()
  const made = s.made?.result.ok ? s.made.result.value : null
  const canSign = check.ok && (s.alg === 'none' || composer.keyFits())

  const decodeAndVerify = () => {
    if (!made) return
    session.setInput(made.token)
    workbench.open('decode', made.public ? { key: { text: made.public.jwksText } } : {})
  }

  return (
    <main className="workbench compose-view" aria-labelledby="compose-title">
      <h2 id="compose-title">Compose a test token</h2>
      <p className="workbench-intro">
        Make a token to test a verifier: a Vault Kubernetes auth role, a cloud trust policy, a webhook, or this page's
        own checks. It is signed with a key made or pasted here, never a real issuer's, so real clusters and providers
        will not accept it. The key stays in this tab's memory: "Forget key", or leaving this view, clears it.
      </p>
      {s.note && (
        <p className="compose-note" data-testid="compose-copy-note">
          {s.note}
        </p>
      )}

      <section className="compose-section" aria-labelledby="compose-draft-title">
        <h3 id="compose-draft-title">Header and claims</h3>
        <div className="compose-template">
          <label htmlFor="compose-template">Start from</label>
          <select
            id="compose-template"
            data-testid="compose-template"
            value={s.template}
            onChange={(e) => composer.chooseTemplate(e.target.value as TemplateId)}
          >
            {code.TEMPLATES.map((t) => (
              <option key={t.id} value={t.id}>
                {t.label}
              </option>
            ))}
          </select>
          <p className="compose-help">{info.description}</p>
        </div>
        <Fields info={info} fields={fields} specs={code.FIELD_SPECS} onChange={composer.setField} />
        <p className="compose-issuer-note" data-testid="compose-issuer-note">
          Issuer: {info.issuerNote}
        </p>
        <div className="workbench-columns compose-json">
          <JsonArea
            id="compose-header"
            label="Header (JSON)"
            value={s.header}
            onChange={composer.setHeader}
            diagnostics={check.diagnostics.filter((d) => d.part === 'header')}
          />
          <JsonArea
            id="compose-payload"
            label="Claims (JSON)"
            value={s.payload}
            onChange={composer.setPayload}
            diagnostics={check.diagnostics.filter((d) => d.part !== 'header')}
          />
        </div>
      </section>

      <section className="compose-section" aria-labelledby="compose-key-title">
        <h3 id="compose-key-title">Algorithm and key</h3>
        <div className="compose-alg">
          <label htmlFor="compose-alg">Algorithm</label>
          <select
            id="compose-alg"
            data-testid="compose-alg"
            value={s.alg}
            onChange={(e) => void composer.setAlg(e.target.value as ComposeAlg)}
          >
            {code.COMPOSE_ALGS.map((a) => (
              <option key={a} value={a}>
                {ALG_WORDS[a]}
              </option>
            ))}
          </select>
        </div>
        {s.alg === 'none' ? (
          <p className="compose-warning" role="note" data-testid="compose-alg-none">
            alg "none" makes a token with no signature, which anyone can write or change. A verifier that accepts it is
            broken: use it only to test that yours refuses it.
          </p>
        ) : (
          <KeyBox composer={composer} hmac={hmac} />
        )}
      </section>

      <section className="compose-section" aria-labelledby="compose-out-title">
        <h3 id="compose-out-title">Test token</h3>
        <button type="button" className="compose-sign" disabled={!canSign} onClick={() => void composer.sign()}>
          {s.alg === 'none' ? 'Make the unsigned token' : 'Sign'}
        </button>{' '}
        {!canSign && (
          <span className="compose-help">
            {!check.ok
              ? 'Fix the JSON above first.'
              : s.key
                ? `The key is for ${s.key.alg}: pick ${s.key.alg}, or make a key for ${s.alg}.`
                : 'Generate or paste a key first.'}
          </span>
        )}
        <label htmlFor="compose-token" className="compose-token-label">
          Test token made here{made?.signed ? ', signed with the key above' : made ? ', unsigned' : ''}: no real issuer
          signed it
        </label>
        <textarea
          id="compose-token"
          data-testid="compose-token"
          data-state={!made ? 'none' : stale ? 'stale' : made.signed ? 'signed' : 'unsigned'}
          className="code-textarea"
          readOnly
          rows={4}
          value={made?.token ?? ''}
          placeholder="Nothing signed yet: a token is made only when you press Sign."
        />
        {stale && (
          <p className="compose-warning" data-testid="compose-stale">
            Changed since this token was made: it still holds the old header, claims or key. Press Sign again to make a
            new one.
          </p>
        )}
        {s.made && s.made.result.diagnostics.length > 0 && <Diagnostics list={s.made.result.diagnostics} />}
        {made && (
          <p className="compose-actions">
            <CopyButton text={made.token} label="the token" />
            <button type="button" onClick={decodeAndVerify}>
              Decode and verify
            </button>
            <span className="compose-help">
              {made.public
                ? ' Opens the token in Decode with this public key set in the key box.'
                : made.signed
                  ? ' Opens the token in Decode; paste the secret into its key box yourself (a secret never leaves this view by itself).'
                  : ' Opens the token in Decode.'}
            </span>
          </p>
        )}
        <label htmlFor="compose-public-jwks">Public key set (JWKS) for the verifier</label>
        <textarea
          id="compose-public-jwks"
          data-testid="compose-public-jwks"
          className="code-textarea"
          readOnly
          rows={6}
          value={made?.public?.jwksText ?? ''}
          placeholder={hmac ? 'An HMAC secret has no public key.' : 'Sign with a key pair to get its public key.'}
        />
        {made?.public && (
          <>
            <p className="compose-help">
              Its <code>kid</code>, <code>{made.public.kid}</code>, is the one Kubernetes derives (base64url of the
              SHA-256 of the key's DER SubjectPublicKeyInfo), and the header carries it.
            </p>
            <label htmlFor="compose-public-pem">Public key (PEM)</label>
            <textarea
              id="compose-public-pem"
              data-testid="compose-public-pem"
              className="code-textarea"
              readOnly
              rows={5}
              value={made.public.pem}
            />
          </>
        )}
      </section>
    </main>
  )
}

function Diagnostics({ list }: { list: readonly Diagnostic[] }) {
  return (
    <ul className="compose-diagnostics">
      {list.map((d, i) => (
        <DiagnosticItem key={`${d.code}-${i}`} d={d} testId="compose-diagnostic" />
      ))}
    </ul>
  )
}

interface JsonAreaProps {
  id: string
  label: string
  value: string
  onChange: (text: string) => void
  diagnostics: readonly Diagnostic[]
}

/** A JSON text area whose errors (with line and column) are announced and tied to it. */
function JsonArea({ id, label, value, onChange, diagnostics }: JsonAreaProps) {
  const errors = diagnostics.some((d) => d.severity === 'error')
  return (
    <div className="compose-json-area">
      <label htmlFor={id}>{label}</label>
      <CodeTextarea
        id={id}
        data-testid={id}
        value={value}
        onChange={onChange}
        rows={id === 'compose-header' ? 4 : 16}
        aria-invalid={errors}
        aria-describedby={diagnostics.length > 0 ? `${id}-problems` : undefined}
      />
      <div id={`${id}-problems`} aria-live="polite">
        {diagnostics.length > 0 && <Diagnostics list={diagnostics} />}
      </div>
    </div>
  )
}

interface FieldsProps {
  info: TemplateInfo
  fields: ReturnType<ComposerModule['readFields']>
  specs: Record<FieldId, FieldSpec>
  onChange: <Id extends FieldId>(id: Id, value: never) => void
}

/** The template's fields: a view of the claims, so an edit in either place shows in the other. */
function Fields({ info, fields, specs, onChange }: FieldsProps) {
  return (
    <fieldset className="compose-fields" disabled={!fields.ok}>
      <legend>Fields</legend>
      {!fields.ok && <p className="compose-help">The fields come back once the claims are valid JSON again.</p>}
      {info.fields.map((id) => (
        <FieldInput
          key={id}
          spec={specs[id]}
          value={fields.ok ? fields.values[id] : undefined}
          onChange={(v) => onChange(id, v as never)}
        />
      ))}
    </fieldset>
  )
}

type FieldValue = FieldValues[FieldId]

const show = (v: FieldValue): string => (v === undefined ? '' : Array.isArray(v) ? v.join(', ') : String(v))

/**
 * One field. While it has focus it keeps the text as typed ("a, " on the way to "a, b"); the claims
 * get what it means at every keystroke, and it shows the claims' value again once left.
 */
function FieldInput({
  spec,
  value,
  onChange,
}: {
  spec: FieldSpec
  value: FieldValue
  onChange: (v: FieldValue) => void
}) {
  const [typing, setTyping] = useState<string | null>(null)
  const id = `compose-field-${spec.id}`
  const parse = (text: string): FieldValue => {
    const t = text.trim()
    if (t === '') return undefined
    if (spec.input === 'list')
      return t
        .split(',')
        .map((x) => x.trim())
        .filter((x) => x !== '')
    if (spec.input === 'seconds') return Number.isFinite(Number(t)) ? Math.trunc(Number(t)) : undefined
    return text
  }
  return (
    <div className="compose-field">
      <label htmlFor={id}>{spec.label}</label>
      <input
        id={id}
        data-testid="compose-field"
        data-field={spec.id}
        type="text"
        inputMode={spec.input === 'seconds' ? 'numeric' : undefined}
        autoComplete="off"
        spellCheck={false}
        value={typing ?? show(value)}
        aria-describedby={`${id}-help`}
        onFocus={() => setTyping(show(value))}
        onBlur={() => setTyping(null)}
        onChange={(e) => {
          setTyping(e.target.value)
          onChange(parse(e.target.value))
        }}
      />
      <span id={`${id}-help`} className="compose-help">
        <code>{spec.claim}</code>: {spec.help}
      </span>
    </div>
  )
}

/** The signing key: made here, or pasted. Private material; this box is its only place on the page. */
function KeyBox({ composer, hmac }: { composer: Composer; hmac: boolean }) {
  const s = useSyncExternalStore(composer.subscribe, composer.getSnapshot)
  const fits = composer.keyFits()
  return (
    <div className="compose-key">
      <p className="compose-actions">
        <button type="button" data-testid="compose-generate-key" onClick={() => void composer.generateKey()}>
          {hmac ? 'Generate a secret' : 'Generate a key pair'}
        </button>
        {(s.key || s.keyText !== '' || s.keyStatus !== 'none') && (
          <button type="button" data-testid="compose-forget-key" onClick={composer.forgetKey}>
            Forget key
          </button>
        )}
      </p>
      <label htmlFor="compose-key">
        {hmac ? 'Or type a secret' : 'Or paste a private key (PKCS#8 or PKCS#1 PEM, or a private JWK)'}
      </label>
      <CodeTextarea
        id="compose-key"
        data-testid="compose-key"
        value={s.keyText}
        onChange={(t) => void composer.setKeyText(t)}
        rows={4}
        placeholder={hmac ? 'a secret of at least the hash length' : '-----BEGIN PRIVATE KEY-----'}
        aria-describedby="compose-key-status"
      />
      {hmac && (
        <div className="compose-encoding">
          <label htmlFor="compose-encoding">The secret is written as</label>
          <select
            id="compose-encoding"
            value={s.encoding}
            onChange={(e) => void composer.setEncoding(e.target.value as HmacEncoding)}
          >
            <option value="utf8">text (UTF-8)</option>
            <option value="base64">base64</option>
            <option value="base64url">base64url</option>
          </select>
        </div>
      )}
      <p
        id="compose-key-status"
        className="compose-key-status"
        data-testid="compose-key-status"
        data-state={s.keyStatus}
      >
        {s.keyStatus === 'reading'
          ? 'Reading the key…'
          : s.key && fits
            ? `Signing with: ${s.key.description}.`
            : s.key
              ? `This key is for ${s.key.alg}, not the algorithm chosen.`
              : s.keyStatus === 'error'
                ? 'This key cannot sign:'
                : 'No key yet.'}
      </p>
      {s.key?.secret && fits && (
        <div className="compose-secret">
          <label htmlFor="compose-secret">The secret made here (base64url), for the verifier</label>
          <input id="compose-secret" readOnly value={s.key.secret} spellCheck={false} autoComplete="off" />
          <CopyButton text={s.key.secret} label="the secret" />
        </div>
      )}
      {s.suggestedAlg && (
        <button type="button" onClick={() => void composer.setAlg(s.suggestedAlg as ComposeAlg)}>
          Use {s.suggestedAlg}, which fits this key
        </button>
      )}
      {s.keyDiagnostics.length > 0 && <Diagnostics list={s.keyDiagnostics} />}
    </div>
  )
}
