import { showDeceptive as shown, sortDiagnostics, type Analysis, type JsonObject } from '../../core/index.ts'
import { issuerHost } from './issuerHost.ts'
import { Fact, Jump, RiskFact, SignatureFact, ValidFact } from './SummaryFacts.tsx'

/** Who (sub and iss), validity and origin of a token that is not a Kubernetes one. */
function JwtFacts({ payload }: { payload: JsonObject }) {
  const str = (v: unknown) => (typeof v === 'string' ? v : undefined)
  const sub = str(payload.sub)
  const iss = str(payload.iss)
  return (
    <>
      {(sub !== undefined || iss !== undefined) && (
        <Fact name="Who">
          <span className="fact-main">
            {sub !== undefined ? (
              <>
                sub <code>{shown(sub)}</code>
              </>
            ) : (
              'no sub'
            )}
          </span>
          {iss !== undefined && (
            <span className="fact-detail">
              iss <code>{shown(iss)}</code>
            </span>
          )}
          <Jump to="payload" focus="payload-title" label="The payload claims" />
        </Fact>
      )}
      <ValidFact payload={payload} />
      {iss !== undefined && (
        <Fact name="From">
          <span className="fact-main">{shown(issuerHost(iss))}</span>
          <Jump to="payload" focus="payload-title" label="The payload claims" />
        </Fact>
      )}
    </>
  )
}

/**
 * The summary card's facts for a token that is not a Kubernetes one: who (sub and iss), validity
 * now, where it comes from, the signature, and the top finding. A view of its own, loaded on
 * demand for such a token: a Kubernetes token's facts are ./SummaryFacts.tsx.
 */
export function JwtSummaryFacts({ analysis }: { analysis: Analysis }) {
  const { decoded, kind } = analysis
  const p = decoded.payload
  const payload = p.kind === 'claims' ? p.json.value : undefined
  const signature = kind !== 'invalid' && decoded.form !== 'jwe' && <SignatureFact token={decoded.token} />
  const all = sortDiagnostics(analysis.diagnostics.filter((d) => d.code !== 'TOKEN_EMPTY'))
  return (
    <dl className="facts">
      {payload && <JwtFacts payload={payload} />}
      {signature}
      <RiskFact top={all[0]} count={all.length} to="findings" />
    </dl>
  )
}
