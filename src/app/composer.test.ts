import { generateKeyPairSync } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import * as compose from '../core/compose/index.ts'
import { decodeToken } from '../core/decode/decodeToken.ts'
import { recognizeKeyMaterial, verifySignature } from '../core/verify/index.ts'
import { Composer } from './composer.ts'

const NOW = 1_767_000_000
let ids = 0
const composer = () =>
  new Composer(
    compose,
    () => NOW,
    () => `00000000-0000-4000-8000-${String(++ids).padStart(12, '0')}`,
  )
const claims = (c: Composer) => JSON.parse(c.getSnapshot().payload) as Record<string, unknown>
const made = (c: Composer) => {
  const m = c.getSnapshot().made
  if (!m?.result.ok) throw new Error(`no token: ${JSON.stringify(m?.result.diagnostics)}`)
  return m.result.value
}

describe('Composer', () => {
  it('starts from a bound pod token with times from now, and makes no token by itself', () => {
    const c = composer()
    expect(c.getSnapshot()).toMatchObject({ template: 'k8s-bound-pod', alg: 'RS256', made: null, keyStatus: 'none' })
    expect(claims(c)).toMatchObject({ iat: NOW, nbf: NOW, exp: NOW + 31536000 })
    expect(claims(c)['kubernetes.io']).toMatchObject({ warnafter: NOW + 3607 })
  })

  it('signs only when asked, with the key made here, and writes alg and the Kubernetes kid into the header', async () => {
    const c = composer()
    c.setAlg('ES256')
    await c.generateKey()
    expect(c.getSnapshot().keyStatus).toBe('ready')
    expect(c.getSnapshot().made).toBeNull()
    await c.sign()
    const token = made(c)
    const kid = c.getSnapshot().key?.public?.kid
    expect(JSON.parse(c.getSnapshot().header)).toEqual({ alg: 'ES256', kid })
    const decoded = decodeToken(token.token)
    const material = recognizeKeyMaterial(token.public?.jwksText ?? '', { encoding: 'utf8', tokenAlg: 'ES256' })
    const result = await verifySignature(decoded, material)
    expect(result.state).toBe('verified')
    expect(result.kidCheck.state).toBe('match')
    expect(c.isStale()).toBe(false)
  })

  it('never re-signs: an edit after signing marks the token out of date and leaves it as it was', async () => {
    const c = composer()
    c.setAlg('HS256')
    await c.generateKey()
    await c.sign()
    const before = made(c).token
    c.setField('namespace', 'kube-system')
    expect(claims(c).sub).toBe('system:serviceaccount:kube-system:default')
    expect(c.isStale()).toBe(true)
    expect(made(c).token).toBe(before)
    c.setAlg('HS384')
    expect(c.keyFits()).toBe(false)
    await c.sign()
    expect(made(c).token).toBe(before)
  })

  it('forgets every piece of private material, and keeps the token and its public key', async () => {
    const c = composer()
    const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' })
    const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString()
    await c.setAlg('ES256')
    await c.setKeyText(pem)
    await c.sign()
    expect(c.getSnapshot().key?.origin).toBe('pkcs8')
    const token = made(c).token
    c.forgetKey()
    const s = c.getSnapshot()
    expect([s.keyText, s.key, s.keyStatus]).toEqual(['', null, 'none'])
    expect(JSON.stringify(s.made)).not.toContain(pem.split('\n')[1])
    expect(made(c).token).toBe(token)
    expect(c.isStale()).toBe(false)
  })

  it('reads a pasted key for the chosen algorithm, and names the one that fits it', async () => {
    const c = composer()
    const { privateKey } = generateKeyPairSync('ed25519')
    await c.setKeyText(privateKey.export({ type: 'pkcs8', format: 'pem' }).toString())
    expect(c.getSnapshot()).toMatchObject({ keyStatus: 'error', suggestedAlg: 'EdDSA', key: null })
    await c.setAlg('EdDSA')
    expect(c.getSnapshot()).toMatchObject({ keyStatus: 'ready' })
    expect(c.keyFits()).toBe(true)
  })

  it('makes the unsecured token for none only when asked', () => {
    const c = composer()
    c.setAlg('none')
    void c.sign()
    expect(made(c).token.endsWith('.')).toBe(true)
    expect(c.getSnapshot().made?.result.diagnostics.map((d) => d.code)).toContain('ALG_NONE')
  })

  it('takes a copy unsigned: the token made before goes, the alg follows the header', async () => {
    const c = composer()
    c.setAlg('HS256')
    await c.generateKey()
    await c.sign()
    c.adopt({ header: '{"alg":"ES384","kid":"x"}', payload: '{"sub":"a"}', note: 'A copy.', template: 'k8s-legacy' })
    expect(c.getSnapshot()).toMatchObject({ made: null, note: 'A copy.', template: 'k8s-legacy', alg: 'ES384' })
    expect(c.getSnapshot().payload).toBe('{"sub":"a"}')
  })

  it('writes no field into broken JSON', () => {
    const c = composer()
    c.setPayload('{"sub": ')
    c.setField('namespace', 'x')
    expect(c.getSnapshot().payload).toBe('{"sub": ')
  })
})
