import { useEffect, useEffectEvent, useMemo, useRef, useState } from 'react'
import { Latest } from '../../app/async.ts'
import { LoadFailure, modules, type VerifierModule } from '../../app/modules.ts'
import { signatureVerdict } from '../../app/verdict.ts'
import { showDeceptive, type Analysis } from '../../core/index.ts'
import { UNVERIFIED_MEANING } from '../../core/verify/meaning.ts'
import { type HmacEncoding, type KeyMaterial, type KidCheck, type SignatureState } from '../../core/verify/index.ts'
import { DiagnosticItem } from '../decoded/DiagnosticList.tsx'
import { Deferred, InternalError, LoadFailed } from '../Deferred.tsx'
import { useLatest, useModuleState, useSession, useWorkbench } from '../hooks.ts'
import { KeyList } from '../lazyViews.ts'
import { ApiServerPanel } from '../apiserver/ApiServerPanel.tsx'
import { KeyHelp } from './KeyHelp.tsx'
import { KeyInput } from './KeyInput.tsx'
import { KidCheckView } from './KidCheckView.tsx'
import { SignatureStatus } from './SignatureStatus.tsx'
import './verify.css'

export interface VerifyPanelProps {
  analysis: Analysis
  /** Clock skew allowed on exp/nbf, shared with the time feature. */
  leewaySeconds: number
}

const NO_KEY: KeyMaterial = { kind: 'empty', summary: 'No key given.', keys: [], diagnostics: [] }

const NO_KID: KidCheck = {
  state: 'not-applicable',
  message: 'Give a public key to recompute the Kubernetes key id from it.',
}

/**
 * The signature verification panel. Loaded after the first decoded view; the code that reads keys
 * and checks signatures (with jose) loads on demand: when the panel is first used, at the latest
 * with the first key pasted.
 */
export default function VerifyPanel({ analysis, leewaySeconds }: VerifyPanelProps) {
  const [keyText, setKeyText] = useState('')
  const [encoding, setEncoding] = useState<HmacEncoding>('utf8')
  const [refused, setRefused] = useState<string | null>(null)
  const { decoded } = analysis
  const header = decoded.header?.value
  const alg = typeof header?.alg === 'string' ? header.alg : undefined
  const payload = decoded.payload.kind === 'claims' ? decoded.payload.json.value : null
  const iss = typeof payload?.iss === 'string' ? payload.iss : undefined
  const verifierState = useModuleState(modules.verifier)
  const verifier = verifierState.status === 'ready' ? verifierState.value : null
  const material = useMemo(
    () => (verifier ? verifier.recognizeKeyMaterial(keyText, { encoding, tokenAlg: alg }) : NO_KEY),
    [verifier, keyText, encoding, alg],
  )
  // A text pasted before the key reader has arrived waits for it, outside any state; only the
  // last one counts (see Latest).
  const [reader] = useState(() => new Latest<VerifierModule>())
  // Using the panel (or the cluster settings inside it) brings the code its answers need.
  const preload = () => {
    void modules.verifier.load()
    void modules.apiserver.load()
  }

  const [generation, setGeneration] = useState(0)
  const refuse = (message: string) => {
    setKeyText('')
    setRefused(message)
    // A fresh textarea: the old one goes, and with it every undo step the browser kept for it.
    setGeneration((g) => g + 1)
  }
  // The text the insertion guard has just let through: its change need not be searched again.
  const passed = useRef<string | null>(null)
  const accept = (v: VerifierModule | null, text: string) => {
    // A private key is dropped before it reaches any state or run.
    const refusal = v && text !== '' && passed.current !== text ? v.privateKeyRefusal(text) : null
    passed.current = null
    if (refusal !== null) refuse(refusal)
    else {
      setKeyText(text)
      if (text !== '') setRefused(null)
    }
  }
  const later = (text: string) =>
    void reader
      .run([text], () => modules.verifier.get())
      .then((run) => {
        if (run?.status === 'done') accept(run.value, text)
      })
  const onKeyChange = (text: string) => {
    const now = modules.verifier.getSnapshot()
    if (text === '' || now.status === 'ready') {
      reader.reset()
      return accept(now.status === 'ready' ? now.value : null, text)
    }
    later(text)
  }
  /**
   * Screens an insertion before the browser applies it (see KeyInput): a private key never enters
   * the box, the DOM or the undo history. Before the key reader has arrived nothing can be
   * screened, so the insertion is held back and accepted (or refused) once it has.
   * Returns true when the insertion must not be applied.
   */
  const guard = (next: string): boolean => {
    const now = modules.verifier.getSnapshot()
    if (now.status !== 'ready') {
      void modules.verifier.load()
      later(next)
      return true
    }
    const refusal = now.value.privateKeyRefusal(next)
    if (refusal === null) {
      passed.current = next
      return false
    }
    refuse(refusal)
    return true
  }

  // "Decode and verify" in Compose hands over the public key set: taken once, screened as any paste.
  const { workbench } = useSession()
  const handed = useWorkbench().key
  const adopt = useEffectEvent((text: string) => {
    onKeyChange(text)
    workbench.open(workbench.getSnapshot().view, { key: null })
  })
  useEffect(() => {
    if (handed) adopt(handed.text)
  }, [handed])

  // No cache: a run belongs to this token and this key material, and a stale run's result is
  // dropped (see Latest), so a previous token's or key's verdict never stands in for this one's.
  const query = useLatest(
    [decoded, material],
    material.kind === 'empty'
      ? null
      : // Only the verifying key's Kubernetes id is needed for the verdict; the others follow below.
        async () =>
          (await modules.verifier.get()).verifySignature(decoded, material, () => performance.now(), {
            kids: 'verifying',
          }),
  )
  const result = query.status === 'done' ? query.value : undefined
  const kidsRun = useLatest(
    [material],
    material.keys.length > 0 && result !== undefined
      ? async () => (await modules.verifier.get()).kubernetesKeyIds(material)
      : null,
  )
  const kids = kidsRun.status === 'done' ? kidsRun.value : undefined
  let state: SignatureState = 'unverified'
  let summary = 'No key given: the signature has not been checked.'
  if (refused && keyText === '') {
    state = 'key-error'
    summary = 'A private key was pasted; it was refused and cleared.'
  } else if (result) {
    state = result.state
    summary = result.summary
  } else if (material.kind !== 'empty') {
    summary = 'Checking the signature…'
  }
  // Every result but "not verified" comes from the verification code, and its meaning with it.
  const meaning = (state !== 'unverified' && verifier?.STATE_MEANING[state]) || UNVERIFIED_MEANING
  const pending = query.status === 'pending'
  const key = result?.verifiedBy !== undefined ? material.keys[result.verifiedBy - 1] : undefined
  const words =
    state === 'verified' && key
      ? `verified with key ${key.index}${key.kid ? ` (kid ${showDeceptive(key.kid)})` : ''}`
      : pending && material.kind !== 'empty'
        ? 'checking…'
        : meaning.short
  // The summary card repeats the verdict; it is about this token only.
  useEffect(() => signatureVerdict.publish({ token: decoded.token, state, words }))
  const diagnostics = [...material.diagnostics, ...(result?.diagnostics ?? [])]

  return (
    <section
      className="panel panel-verify"
      aria-labelledby="verify-title"
      onFocus={preload}
      onPointerDown={preload}
      onDragEnter={preload}
    >
      <div className="panel-head">
        <h2 id="verify-title" tabIndex={-1}>
          Signature<span className="section-result">: {words}</span>
        </h2>
      </div>
      <KeyInput
        value={keyText}
        onChange={onKeyChange}
        encoding={encoding}
        onEncodingChange={setEncoding}
        hmac={alg?.startsWith('HS') ?? false}
        material={material}
        refused={refused}
        guard={guard}
        generation={generation}
      />
      <SignatureStatus state={state} meaning={meaning} summary={summary} pending={pending} />
      {verifierState.status === 'failed' && <LoadFailed what={modules.verifier.what} />}
      {query.status === 'failed' && !(query.error instanceof LoadFailure) && (
        <InternalError what="the signature check" error={query.error} />
      )}
      <KidCheckView check={result?.kidCheck ?? NO_KID} />
      {material.keys.length > 0 && (
        // Keys are only ever listed once the key reader has read them: the list comes with it.
        <Deferred name="the key list" when="now">
          <KeyList material={material} result={result} kids={kids} />
        </Deferred>
      )}
      {material.discovery && material.discovery.commands.length > 0 && (
        <div className="discovery-commands" data-testid="discovery-commands">
          <p>Fetch the keys this document names, then paste the output here:</p>
          <ul>
            {material.discovery.commands.map((c) => (
              <li key={c}>
                <code>{c}</code>
              </li>
            ))}
          </ul>
        </div>
      )}
      {diagnostics.length > 0 && (
        <ul className="verify-diagnostics" aria-label="Verification findings">
          {diagnostics.map((d, i) => (
            <DiagnosticItem key={`${d.code}-${i}`} d={d} />
          ))}
        </ul>
      )}
      {/* The cluster settings are where the expected issuer and audience are stated; the claim
          checks against them live with the settings. */}
      <ApiServerPanel
        token={decoded.token}
        material={material}
        payload={payload}
        leewaySeconds={leewaySeconds}
        verified={state === 'verified'}
      />
      <KeyHelp iss={iss} />
    </section>
  )
}
