import type { ReactNode } from 'react'
import type { ClaimInfo } from '../../core/index.ts'
import './knowledge.css'

function originLabel(info: ClaimInfo, location: 'header' | 'payload'): string {
  switch (info.origin) {
    case 'registered':
      return 'registered'
    case 'oidc':
      return 'OpenID, unregistered'
    case 'provider':
      return info.provider ?? 'provider'
    case 'kubernetes':
      return 'Kubernetes'
    case 'private':
      return location === 'header' ? 'private header parameter' : 'private claim'
    case 'collision-resistant':
      return 'collision-resistant name'
  }
}

export type ClaimExplanationView = (props: { infos: ClaimInfo[]; location: 'header' | 'payload' }) => ReactNode

/**
 * The meanings of one claim or header parameter, in the row's fold: origin, explanation, processing,
 * spec link (and the titles after the first, which the row's compact line shows).
 */
export function ClaimExplanation({ infos, location }: { infos: ClaimInfo[]; location: 'header' | 'payload' }) {
  if (infos.length === 0) return null
  return (
    <div className="claim-info">
      {infos.map((info, i) => (
        <div key={i} className="claim-meaning" data-testid="claim-meaning" data-origin={info.origin}>
          <p className="claim-title">
            {/* The first title is the row's one-line title, in its compact line. */}
            {i > 0 && <strong>{info.title} </strong>}
            <span className={`claim-origin origin-${info.origin}`}>{originLabel(info, location)}</span>
            {info.valueType && <span className="claim-expected"> · {info.valueType}</span>}
          </p>
          <p className="claim-description" data-testid="claim-description">
            {info.description}
            {info.since && ` (since ${info.since})`}
            {info.spec && (
              <>
                {' '}
                <a href={info.spec.url} target="_blank" rel="noopener noreferrer" data-testid="claim-spec">
                  {info.spec.label}
                  <span className="visually-hidden"> (opens in a new tab)</span>
                </a>
              </>
            )}
          </p>
          {info.processing && (
            <p className="claim-processing">
              <span className="claim-processing-label">Verifier: </span>
              {info.processing}
            </p>
          )}
        </div>
      ))}
    </div>
  )
}
