import { QueryClientProvider, useQuery } from '@tanstack/react-query'
import { useMemo, useState } from 'react'
import type { Analysis } from '../../core/index.ts'
import {
  kubernetesKeyIds,
  recognizeKeyMaterial,
  verifySignature,
  type HmacEncoding,
  type KidCheck,
  type SignatureState,
} from '../../core/verify/index.ts'
import { DiagnosticItem } from '../decoded/DiagnosticList.tsx'
import { ApiServerPanel } from '../apiserver/ApiServerPanel.tsx'
import { ClaimChecks } from './ClaimChecks.tsx'
import { KeyHelp } from './KeyHelp.tsx'
import { KeyInput } from './KeyInput.tsx'
import { KeyList } from './KeyList.tsx'
import { KidCheckView } from './KidCheckView.tsx'
import { SignatureStatus } from './SignatureStatus.tsx'
import { textKey, verifyQueryClient } from './queryClient.ts'
import './verify.css'

export interface VerifyPanelProps {
  analysis: Analysis
  /** Clock skew allowed on exp/nbf, shared with the time feature. */
  leewaySeconds: number
}

const NO_KID: KidCheck = {
  state: 'not-applicable',
  message: 'Give a public key to recompute the Kubernetes key id from it.',
}

function VerifyPanelBody({ analysis, leewaySeconds }: VerifyPanelProps) {
  const [keyText, setKeyText] = useState('')
  const [encoding, setEncoding] = useState<HmacEncoding>('utf8')
  const [refused, setRefused] = useState<string | null>(null)
  const [issuer, setIssuer] = useState('')
  const [audience, setAudience] = useState('')
  const { decoded } = analysis
  const header = decoded.header?.value
  const alg = typeof header?.alg === 'string' ? header.alg : undefined
  const payload = decoded.payload.kind === 'claims' ? decoded.payload.json.value : null
  const iss = typeof payload?.iss === 'string' ? payload.iss : undefined
  const material = useMemo(() => recognizeKeyMaterial(keyText, { encoding, tokenAlg: alg }), [keyText, encoding, alg])

  const onKeyChange = (text: string) => {
    // A private key is dropped before it reaches any state, cache or query key.
    const m = recognizeKeyMaterial(text, { encoding, tokenAlg: alg })
    if (m.kind === 'private-key') {
      setKeyText('')
      setRefused(m.diagnostics[0]?.message ?? 'A private key was refused.')
    } else {
      setKeyText(text)
      if (text !== '') setRefused(null)
    }
  }

  // Keyed by short digests, not the texts: the cache then holds neither the token nor the key twice.
  const tokenKey = useMemo(() => (keyText === '' ? '' : textKey(decoded.token)), [decoded.token, keyText])
  const materialKey = useMemo(() => textKey(keyText), [keyText])
  const query = useQuery({
    queryKey: ['verify', tokenKey, materialKey, encoding],
    // Only the verifying key's Kubernetes id is needed for the verdict; the others follow below.
    queryFn: () => verifySignature(decoded, material, () => performance.now(), { kids: 'verifying' }),
    enabled: material.kind !== 'empty',
  })
  // No placeholder data: a previous token's or key's verdict must never stand in for this one's.
  const result = material.kind === 'empty' ? undefined : query.data
  const kids = useQuery({
    queryKey: ['kids', materialKey, encoding],
    queryFn: () => kubernetesKeyIds(material),
    enabled: material.keys.length > 0 && result !== undefined,
  }).data
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
  const pending = material.kind !== 'empty' && query.isPending
  const diagnostics = [...material.diagnostics, ...(result?.diagnostics ?? [])]

  return (
    <section className="panel panel-verify" aria-labelledby="verify-title">
      <div className="panel-head">
        <h2 id="verify-title">Verify the signature</h2>
      </div>
      <KeyInput
        value={keyText}
        onChange={onKeyChange}
        encoding={encoding}
        onEncodingChange={setEncoding}
        hmac={alg?.startsWith('HS') ?? false}
        material={material}
        refused={refused}
      />
      <SignatureStatus state={state} summary={summary} pending={pending} />
      <KidCheckView check={result?.kidCheck ?? NO_KID} />
      <KeyList material={material} result={result} kids={kids} />
      {material.discovery && material.discovery.commands.length > 0 && (
        <div className="discovery-commands">
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
      <ClaimChecks
        payload={payload}
        issuer={issuer}
        audience={audience}
        onIssuer={setIssuer}
        onAudience={setAudience}
        leewaySeconds={leewaySeconds}
        verified={state === 'verified'}
      />
      <ApiServerPanel token={decoded.token} material={material} />
      <KeyHelp iss={iss} />
    </section>
  )
}

/**
 * The signature verification panel. Loaded lazily: it brings jose and react-query, which the
 * decoder does not need at start-up.
 */
export default function VerifyPanel(props: VerifyPanelProps) {
  return (
    <QueryClientProvider client={verifyQueryClient}>
      <VerifyPanelBody {...props} />
    </QueryClientProvider>
  )
}
