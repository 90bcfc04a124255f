import { SignJWT, exportJWK, generateKeyPair } from 'jose'
import { describe, expect, it } from 'vitest'
import { decodeToken } from '../decode/decodeToken.ts'
import { kubernetesKeyId } from './kid.ts'
import { recognizeKeyMaterial } from './keyMaterial.ts'
import { kubernetesKeyIds, verifySignature } from './verify.ts'

// A 4-key JWKS, the token signed by key 3 with its Kubernetes kid.
async function fourKeySet(alg: 'RS256' | 'ES256', signer = 2) {
  const pairs = await Promise.all([0, 1, 2, 3].map(() => generateKeyPair(alg, { extractable: true })))
  const jwks = await Promise.all(pairs.map(async (p) => ({ ...(await exportJWK(p.publicKey)), alg })))
  const material = recognizeKeyMaterial(JSON.stringify({ keys: jwks }), { encoding: 'utf8' })
  const kid = (await kubernetesKeyId(material.keys[signer]!)) as string
  const keys = jwks.map((j, i) => ({ ...j, kid: i === signer ? kid : `other-${i}` }))
  const withKids = recognizeKeyMaterial(JSON.stringify({ keys }), { encoding: 'utf8' })
  const token = await new SignJWT({ sub: 'x' }).setProtectedHeader({ alg, kid }).sign(pairs[signer]!.privateKey)
  return { token, material: withKids, kid }
}

describe("verifySignature with kids: 'verifying'", { timeout: 30_000 }, () => {
  it('recomputes only the verifying key id and reaches the same verdict and kid check as the full run', async () => {
    const { token, material, kid } = await fourKeySet('RS256')
    const decoded = decodeToken(token)
    const fast = await verifySignature(decoded, material, undefined, { kids: 'verifying' })
    const full = await verifySignature(decoded, material)
    expect(fast.state).toBe('verified')
    expect(fast.verifiedBy).toBe(3)
    expect(fast.computedKids).toEqual([undefined, undefined, kid, undefined])
    expect(fast.kidCheck).toEqual(full.kidCheck)
    expect(fast.kidCheck).toMatchObject({ state: 'match', computedKid: kid, keyIndex: 3 })
    expect(full.computedKids).toHaveLength(4)
    expect(full.computedKids.every((k) => typeof k === 'string')).toBe(true)
    expect(await kubernetesKeyIds(material)).toEqual(full.computedKids)
  })

  it('computes every id when nothing verified, so a mismatch still names the closest key', async () => {
    const { material } = await fourKeySet('ES256')
    const other = await fourKeySet('ES256')
    const decoded = decodeToken(other.token)
    const fast = await verifySignature(decoded, material, undefined, { kids: 'verifying' })
    const full = await verifySignature(decoded, material)
    expect(fast.state).toBe('no-matching-key')
    expect(fast.computedKids.every((k) => typeof k === 'string')).toBe(true)
    expect(fast.kidCheck).toEqual(full.kidCheck)
  })

  it('falls back to every id when the verifying key has none (an HMAC secret)', async () => {
    const secret = 'a-shared-secret-that-is-32-bytes!'
    const token = await new SignJWT({})
      .setProtectedHeader({ alg: 'HS256', kid: 'k' })
      .sign(new TextEncoder().encode(secret))
    const material = recognizeKeyMaterial(secret, { encoding: 'utf8', tokenAlg: 'HS256' })
    const fast = await verifySignature(decodeToken(token), material, undefined, { kids: 'verifying' })
    expect(fast.state).toBe('verified')
    expect(fast.computedKids).toEqual([null])
    expect(fast.kidCheck.state).toBe('not-applicable')
  })
})
