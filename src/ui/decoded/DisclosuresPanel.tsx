import type { SdJwtParts } from '../../core/index.ts'
import { ShowMore } from '../common/ShowMore.tsx'
import { useGrowingList } from '../common/useGrowingList.ts'

/** The disclosures of an SD-JWT: claims revealed outside the signed payload, matched by digest. */
export function DisclosuresPanel({ sdJwt }: { sdJwt: SdJwtParts }) {
  const list = useGrowingList(sdJwt.disclosures)
  return (
    <section className="panel panel-payload" aria-labelledby="disclosures-title">
      <h2 id="disclosures-title">Disclosures (SD-JWT)</h2>
      <p>
        Each disclosure reveals one claim. The signed payload holds only its digest in <code>_sd</code> or{' '}
        <code>...</code>; a verifier must hash each disclosure and find the digest there before trusting it. These
        digests are not checked here.
      </p>
      <table className="claims">
        <thead>
          <tr>
            <th scope="col">Claim</th>
            <th scope="col">Value</th>
            <th scope="col">Salt</th>
          </tr>
        </thead>
        <tbody>
          {list.shown.map((d) => (
            <tr key={d.start} data-testid="disclosure">
              <th scope="row">
                <code>{d.name ?? '(array element)'}</code>
              </th>
              <td>
                <code className="claim-value">{typeof d.value === 'string' ? d.value : JSON.stringify(d.value)}</code>
              </td>
              <td>
                <code className="claim-value">{d.salt}</code>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <ShowMore shown={list.shown.length} hidden={list.hidden} what="disclosures" onMore={list.more} />
      {sdJwt.keyBinding && (
        <p>
          A key-binding JWT follows the disclosures; it proves the holder has the key named in the <code>cnf</code>{' '}
          claim.
        </p>
      )}
    </section>
  )
}
