// @ts-check
// The tokens the bench pastes. Sized tokens grow a `groups` array, the way real tokens get large
// (hundreds of groups or roles), and carry a claim named after the run so that the bench can wait
// for exactly that token's rows rather than the previous paste's.
import { readFileSync } from 'node:fs'
import { exportJWK, generateKeyPair, SignJWT } from 'jose'

/** @param {string} s */
const b64u = (s) => Buffer.from(s, 'utf8').toString('base64url')

/** A 256-byte stand-in signature, the size of an RS256 one, so no length warning is shown. */
const FAKE_SIGNATURE = Buffer.alloc(256, 7).toString('base64url')
const HEADER = b64u(JSON.stringify({ alg: 'RS256', kid: 'bench-key', typ: 'JWT' }))

/** The seed Kubernetes bound token, from the shared public fixtures. */
export function seedToken() {
  /** @type {{ name: string, token: string }[]} */
  const fixtures = JSON.parse(readFileSync(new URL('../src/test/public-tokens.json', import.meta.url), 'utf8'))
  const seed = fixtures.find((f) => f.name === 'seed-bound-pod-v1.24')
  if (!seed) throw new Error('bench: fixture seed-bound-pod-v1.24 is missing from src/test/public-tokens.json')
  return seed.token
}

/** The claim a sized token carries so that its own row can be awaited: `/run_<marker>`. */
export const markerPointer = (/** @type {string} */ marker) => `/run_${marker}`

/**
 * A signed-looking JWT of about `targetChars` characters (within a few), whose payload has
 * `groups` grown to fill it and one `run_<marker>` claim.
 * @param {number} targetChars
 * @param {string} marker
 */
export function sizedToken(targetChars, marker) {
  const base = {
    iss: 'https://bench.example',
    sub: 'bench-user',
    aud: ['bench'],
    iat: 1_700_000_000,
    nbf: 1_700_000_000,
    exp: 4_102_444_800,
    [`run_${marker}`]: marker,
    groups: /** @type {string[]} */ ([]),
  }
  // Each group "g-<marker>-000001", with quotes and comma, is a fixed number of JSON bytes.
  const fixedChars = HEADER.length + FAKE_SIGNATURE.length + 2
  const payloadBytes = Math.floor(((targetChars - fixedChars) * 3) / 4)
  const sample = `g-${marker}-000000`
  const perGroup = sample.length + 3
  const room = payloadBytes - JSON.stringify(base).length
  const count = Math.max(0, Math.floor(room / perGroup))
  for (let i = 0; i < count; i++) base.groups.push(`g-${marker}-${String(i).padStart(6, '0')}`)
  const json = JSON.stringify(base)
  const pad = Math.max(0, payloadBytes - json.length - 10)
  const payload = pad > 0 ? json.slice(0, -1) + `,"pad":"${'x'.repeat(pad)}"}` : json
  return `${HEADER}.${b64u(payload)}.${FAKE_SIGNATURE}`
}

/**
 * A token signed with one key of a ten-key JWKS, for the verification step.
 * @param {'RS256' | 'ES256'} alg
 * `jwksVariants` are the same ten keys in twenty different orders (each rotation, forwards and
 * backwards): each timed run pastes a text the page has not seen, so the page's result cache
 * cannot answer and every run really verifies.
 * @returns {Promise<{ token: string, jwks: string, jwksVariants: string[] }>}
 */
export async function signedWithJwks(alg) {
  const keys = []
  /** @type {CryptoKey | undefined} */
  let signer
  for (let i = 0; i < 10; i++) {
    const pair = await generateKeyPair(alg, { modulusLength: 2048, extractable: true })
    const jwk = await exportJWK(pair.publicKey)
    keys.push({ ...jwk, kid: `bench-${alg.toLowerCase()}-${i}`, alg, use: 'sig' })
    if (i === 6) signer = pair.privateKey
  }
  const token = await new SignJWT({
    sub: 'system:serviceaccount:bench:verifier',
    aud: ['https://kubernetes.default.svc'],
  })
    .setProtectedHeader({ alg, kid: `bench-${alg.toLowerCase()}-6`, typ: 'JWT' })
    .setIssuer('https://bench.example')
    .setIssuedAt(1_700_000_000)
    .setExpirationTime(4_102_444_800)
    .sign(/** @type {CryptoKey} */ (signer))
  const reversed = [...keys].reverse()
  /** @param {object[]} list */
  const rotations = (list) =>
    list.map((_, /** @type {number} */ r) => JSON.stringify({ keys: [...list.slice(r), ...list.slice(0, r)] }, null, 2))
  const jwksVariants = [...rotations(keys), ...rotations(reversed)]
  return { token, jwks: JSON.stringify({ keys }, null, 2), jwksVariants }
}
