import { describe, expect, it } from 'vitest'
import { K8S_EC_PEM, K8S_JWKS, K8S_RSA_PEM } from '../../test/k8s-key-vectors.ts'
import { CERT_PEM, CERT_PUBLIC_KEY_PEM, PKCS1_AS_SPKI_PEM, PKCS1_PEM } from '../../test/generated-keys.ts'
import { pemBlocks } from './pem.ts'
import { recognizeKeyMaterial } from './keyMaterial.ts'
import { describeKey } from './keys.ts'
import { compareKid } from './kid.ts'
import { checkClaims } from './claimChecks.ts'
import { fetchCommand, keySourceHints, providerJwksUrl } from './keyHelp.ts'

const rec = (text: string, tokenAlg = 'RS256') => recognizeKeyMaterial(text, { encoding: 'utf8', tokenAlg })

describe('recognizeKeyMaterial', () => {
  it('reads SPKI PEM: type and size, or curve', () => {
    const m = rec(`${K8S_RSA_PEM}\n${K8S_EC_PEM}`)
    expect(m.kind).toBe('pem')
    expect(m.keys.map((k) => [k.kty, k.bits ?? k.crv, k.kid])).toEqual([
      ['RSA', 2048, undefined],
      ['EC', 'P-256', undefined],
    ])
    expect(describeKey(m.keys[0]!)).toBe('RSA 2048-bit (PEM PUBLIC KEY); no kid')
  })

  it('wraps PKCS#1 into exactly the SPKI openssl writes', () => {
    const m = rec(PKCS1_PEM)
    expect(m.keys[0]).toMatchObject({ kty: 'RSA', bits: 2048, origin: 'PEM RSA PUBLIC KEY (PKCS#1)' })
    expect(m.keys[0]!.spki).toEqual(pemBlocks(PKCS1_AS_SPKI_PEM)[0]!.der)
  })

  it('takes the public key out of an X.509 certificate', () => {
    const m = rec(CERT_PEM, 'ES256')
    expect(m.keys[0]).toMatchObject({ kty: 'EC', crv: 'P-256' })
    expect(m.keys[0]!.spki).toEqual(pemBlocks(CERT_PUBLIC_KEY_PEM)[0]!.der)
  })

  it('reads the raw kubectl get --raw /openid/v1/jwks output, with kid, use and alg', () => {
    const m = rec(K8S_JWKS)
    expect(m.kind).toBe('jwks')
    expect(m.summary).toBe('A JWK Set with 2 keys.')
    expect(m.keys.map(describeKey)).toEqual([
      'RSA 2048-bit (JWK in the set); kid "JHJehTTTZlsspKHT-GaJxK7Kd1NQgZJu3fyK6K_QDYU", use "sig", alg "RS256"',
      'EC P-256 (JWK in the set); kid "SoABiieYuNx4UdqYvZRVeuC6SihxgLrhLy9peHMHpTc", use "sig", alg "ES256"',
    ])
  })

  it('names the jwks_uri of a discovery document and how to fetch it', () => {
    const m = rec(
      JSON.stringify({
        issuer: 'https://kubernetes.default.svc',
        jwks_uri: 'https://10.0.0.1:6443/openid/v1/jwks',
        response_types_supported: ['id_token'],
      }),
    )
    expect(m.kind).toBe('discovery')
    expect(m.keys).toEqual([])
    expect(m.discovery?.commands).toEqual([
      'kubectl get --raw /openid/v1/jwks',
      'curl -fsS -- https://10.0.0.1:6443/openid/v1/jwks',
    ])
    expect(m.diagnostics[0]?.code).toBe('DISCOVERY_HAS_NO_KEYS')
  })

  it('offers no command for a jwks_uri that could act as an option, another scheme, or hidden text', () => {
    expect(fetchCommand("https://keys.example/j'; rm -rf ~")).toEqual([
      "curl -fsS -- 'https://keys.example/j'\\''; rm -rf ~'",
    ])
    for (const uri of ['-K/etc/passwd', '--config=/tmp/x', 'file:///etc/passwd', 'https://keys.example/\u202ej'])
      expect(fetchCommand(uri), uri).toEqual([])
    expect(keySourceHints('https://evil\u202e.example').map((h) => h.title)).not.toContain(
      'The issuer’s discovery document',
    )
  })

  it('refuses every private key form and keeps nothing', () => {
    for (const text of [
      '-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2VwBCIEIA==\n-----END PRIVATE KEY-----',
      '-----BEGIN RSA PRIVATE KEY-----\nMIIEow==\n-----END RSA PRIVATE KEY-----',
      '-----BEGIN EC PRIVATE KEY-----\nMHcCAQ==\n-----END EC PRIVATE KEY-----',
      '-----BEGIN ENCRYPTED PRIVATE KEY-----\nMIIFHz==\n-----END ENCRYPTED PRIVATE KEY-----',
      '-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaA==\n-----END OPENSSH PRIVATE KEY-----',
      `${CERT_PEM}\n-----BEGIN PRIVATE KEY-----\nMC4=\n-----END PRIVATE KEY-----`,
      JSON.stringify({ kty: 'EC', crv: 'P-256', x: 'AA', y: 'AA', d: 'secret' }),
      JSON.stringify({ kty: 'RSA', n: 'AQAB', e: 'AQAB', p: 'x', q: 'y' }),
    ]) {
      const m = rec(text)
      expect(m.kind, text).toBe('private-key')
      expect(m.keys).toEqual([])
      expect(m.diagnostics[0]?.code).toBe('PRIVATE_KEY_REFUSED')
    }
  })

  it('names what is wrong with garbage', () => {
    expect(rec('not a key').diagnostics[0]?.code).toBe('KEY_UNRECOGNISED')
    expect(rec('{"kty":').diagnostics[0]?.code).toBe('KEY_JSON_INVALID')
    expect(rec('{"a":1}').diagnostics[0]?.code).toBe('KEY_JSON_NOT_KEY')
    expect(rec('-----BEGIN PUBLIC KEY-----\nAAAA').diagnostics[0]?.code).toBe('PEM_INCOMPLETE')
    expect(rec('-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----').diagnostics[0]?.code).toBe('PEM_BAD_DER')
    expect(rec('-----BEGIN PUBLIC KEY-----\n%%%\n-----END PUBLIC KEY-----').diagnostics[0]?.code).toBe('PEM_BAD_BASE64')
    expect(rec('{"keys":[]}').diagnostics[0]?.code).toBe('JWKS_EMPTY')
    expect(rec('{"kty":"RSA","n":"@@","e":"AQAB"}').keys[0]?.unusable).toContain('"n"')
  })

  it('reads plain text as an HMAC secret only for HS tokens, in the chosen encoding', () => {
    expect(recognizeKeyMaterial('c2VjcmV0', { encoding: 'base64', tokenAlg: 'HS256' }).keys[0]?.secret).toEqual(
      new TextEncoder().encode('secret'),
    )
    expect(recognizeKeyMaterial('c2VjcmV0', { encoding: 'utf8', tokenAlg: 'HS256' }).keys[0]?.secret?.length).toBe(8)
    expect(recognizeKeyMaterial('a+b/', { encoding: 'base64url', tokenAlg: 'HS256' }).diagnostics[0]?.code).toBe(
      'HMAC_SECRET_ENCODING',
    )
    expect(recognizeKeyMaterial('c2VjcmV0', { encoding: 'utf8', tokenAlg: 'RS256' }).kind).toBe('unrecognised')
  })
})

describe('compareKid', () => {
  it('marks EKS-style 40-hex kids: a mismatch is not proof of forgery', () => {
    const c = compareKid('0123456789abcdef0123456789abcdef01234567', ['JHJehTTTZlsspKHT-GaJxK7Kd1NQgZJu3fyK6K_QDYU'], 1)
    expect(c.state).toBe('mismatch')
    expect(c.providerNote).toContain('not proof of forgery')
  })
  it('finds the matching key when none verified', () => {
    expect(compareKid('b', ['a', 'b', null])).toMatchObject({ state: 'match', keyIndex: 2 })
    expect(compareKid('x', [null])).toMatchObject({ state: 'not-applicable' })
    expect(compareKid('', ['a'])).toMatchObject({ state: 'not-applicable' })
  })
})

describe('checkClaims', () => {
  const payload = {
    iss: 'https://eastus.oic.prod-aks.azure.com/t/c/',
    aud: ['api://AzureADTokenExchange'],
    exp: 1000,
    nbf: 100,
  }
  it('checks issuer, audience and time with the leeway', () => {
    expect(
      checkClaims(
        payload,
        {
          issuer: 'https://eastus.oic.prod-aks.azure.com/t/c/',
          audience: 'api://AzureADTokenExchange',
          leewaySeconds: 0,
        },
        500,
      ).map((c) => c.state),
    ).toEqual(['pass', 'pass', 'pass'])
    const bad = checkClaims(
      payload,
      { issuer: 'https://eastus.oic.prod-aks.azure.com/t/c', audience: 'sts.amazonaws.com', leewaySeconds: 0 },
      1000,
    )
    expect(bad.map((c) => c.state)).toEqual(['fail', 'fail', 'fail'])
    expect(bad[0]?.message).toContain('trailing slash')
    expect(checkClaims(payload, { leewaySeconds: 30 }, 1020)[0]).toMatchObject({ claim: 'time', state: 'pass' })
    expect(checkClaims(payload, { leewaySeconds: 30 }, 50)[0]).toMatchObject({ claim: 'time', state: 'fail' })
    expect(checkClaims({ iss: 'x' }, { leewaySeconds: 0 }, 50)[0]).toMatchObject({
      claim: 'time',
      state: 'not-checked',
    })
  })
})

describe('key source hints', () => {
  it('builds provider JWKS URLs from iss, as text', () => {
    expect(providerJwksUrl('https://oidc.eks.eu-west-1.amazonaws.com/id/4CD18ACA973AEF3E3D289F4092A757EA')?.url).toBe(
      'https://oidc.eks.eu-west-1.amazonaws.com/id/4CD18ACA973AEF3E3D289F4092A757EA/keys',
    )
    expect(
      providerJwksUrl('https://container.googleapis.com/v1/projects/p/locations/europe-west1/clusters/c')?.url,
    ).toBe('https://container.googleapis.com/v1/projects/p/locations/europe-west1/clusters/c/jwks')
    expect(providerJwksUrl('https://westus3.oic.prod-aks.azure.com/tenant/cluster/')?.url).toBe(
      'https://westus3.oic.prod-aks.azure.com/tenant/cluster/openid/v1/jwks',
    )
    expect(providerJwksUrl('https://kubernetes.default.svc.cluster.local')).toBeNull()
  })
  it('always lists the kubectl commands and sa.pub; adds the discovery URL for https issuers only', () => {
    const texts = keySourceHints('kubernetes/serviceaccount').map((h) => h.text)
    expect(texts).toEqual([
      'kubectl get --raw /openid/v1/jwks',
      'kubectl get --raw /.well-known/openid-configuration',
      'sudo cat /etc/kubernetes/pki/sa.pub',
    ])
    expect(keySourceHints('https://kubernetes.default.svc.cluster.local').at(-1)?.text).toBe(
      'https://kubernetes.default.svc.cluster.local/.well-known/openid-configuration',
    )
  })
})
