// Every textual form of a key that the key checks must see through, built from freshly generated
// keys with node:crypto (for tests only: unit and e2e tests run in Node). The SSH and certificate
// writers here are independent of the app's readers: they follow RFC 4253 §6.6 / RFC 5656 §3.1 /
// RFC 8709 §4 and RFC 5280 §4.1, and the SSH forms are cross-checked with ssh-keygen's output in
// ssh-key-vectors.ts.
import { generateKeyPairSync, randomBytes, sign, type KeyObject } from 'node:crypto'

export type KeyType = 'rsa' | 'p256' | 'p384' | 'p521' | 'ed25519'

export const KEY_TYPES: readonly KeyType[] = ['rsa', 'p256', 'p384', 'p521', 'ed25519']

/** The JWS algorithm each key type signs with. */
export const ALG_OF: Record<KeyType, string> = {
  rsa: 'RS256',
  p256: 'ES256',
  p384: 'ES384',
  p521: 'ES512',
  ed25519: 'EdDSA',
}

export interface KeyPair {
  type: KeyType
  publicKey: KeyObject
  privateKey: KeyObject
}

/** A new key pair of the given type (RSA 2048 bits, to keep the tests fast). */
export function generate(type: KeyType): KeyPair {
  const { publicKey, privateKey } =
    type === 'rsa'
      ? generateKeyPairSync('rsa', { modulusLength: 2048 })
      : type === 'ed25519'
        ? generateKeyPairSync('ed25519')
        : generateKeyPairSync('ec', { namedCurve: { p256: 'P-256', p384: 'P-384', p521: 'P-521' }[type] })
  return { type, publicKey, privateKey }
}

const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64')
const b64url = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64url')
const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex')
const wrap = (text: string, width = 64) => text.replace(new RegExp(`(.{${width}})`, 'g'), '$1\n').trim()
const pem = (label: string, der: Uint8Array) => `-----BEGIN ${label}-----\n${wrap(b64(der))}\n-----END ${label}-----\n`

// --- SSH wire format --------------------------------------------------------------------------

function sshString(bytes: Uint8Array): Buffer {
  const len = Buffer.alloc(4)
  len.writeUInt32BE(bytes.length)
  return Buffer.concat([len, bytes])
}

function mpint(unsigned: Buffer): Buffer {
  let i = 0
  while (i < unsigned.length - 1 && unsigned[i] === 0) i++
  const body = unsigned.subarray(i)
  return sshString((body[0] as number) & 0x80 ? Buffer.concat([Buffer.from([0]), body]) : body)
}

/** The SSH public key blob of a key. */
export function sshBlob(publicKey: KeyObject): Buffer {
  const jwk = publicKey.export({ format: 'jwk' })
  const d = (v: string | undefined) => Buffer.from(v ?? '', 'base64url')
  if (jwk.kty === 'RSA') return Buffer.concat([sshString(Buffer.from('ssh-rsa')), mpint(d(jwk.e)), mpint(d(jwk.n))])
  if (jwk.kty === 'OKP') return Buffer.concat([sshString(Buffer.from('ssh-ed25519')), sshString(d(jwk.x))])
  const curve = { 'P-256': 'nistp256', 'P-384': 'nistp384', 'P-521': 'nistp521' }[jwk.crv as string] as string
  const q = Buffer.concat([Buffer.from([4]), d(jwk.x), d(jwk.y)])
  return Buffer.concat([sshString(Buffer.from(`ecdsa-sha2-${curve}`)), sshString(Buffer.from(curve)), sshString(q)])
}

/** The key type name an SSH blob starts with. */
export function sshType(publicKey: KeyObject): string {
  const blob = sshBlob(publicKey)
  return blob.subarray(4, 4 + blob.readUInt32BE(0)).toString()
}

// --- A self-signed X.509 certificate ----------------------------------------------------------

function tlv(tag: number, content: Uint8Array): Buffer {
  const len = content.length
  const head =
    len < 0x80
      ? [len]
      : len < 0x100
        ? [0x81, len]
        : len < 0x10000
          ? [0x82, len >> 8, len & 0xff]
          : [0x83, len >> 16, (len >> 8) & 0xff, len & 0xff]
  return Buffer.concat([Buffer.from([tag, ...head]), content])
}
const seq = (...parts: Uint8Array[]) => tlv(0x30, Buffer.concat(parts))
const oid = (hexBytes: string) => tlv(0x06, Buffer.from(hexBytes, 'hex'))
const SIG_ALG: Record<string, string> = {
  rsa: '2a864886f70d01010b', // sha256WithRSAEncryption
  ec: '2a8648ce3d040302', // ecdsa-with-SHA256
  ed25519: '2b6570', // Ed25519
}

/** A self-signed certificate (DER) for the key pair, signed properly. */
export function certificateDer(pair: KeyPair): Buffer {
  const kind = pair.type === 'rsa' ? 'rsa' : pair.type === 'ed25519' ? 'ed25519' : 'ec'
  const algId =
    kind === 'rsa' ? seq(oid(SIG_ALG.rsa as string), Buffer.from([5, 0])) : seq(oid(SIG_ALG[kind] as string))
  const name = seq(tlv(0x31, seq(oid('550403'), tlv(0x0c, Buffer.from(`jwt-explorer test ${pair.type}`)))))
  const time = (t: string) => tlv(0x17, Buffer.from(t))
  const spki = pair.publicKey.export({ type: 'spki', format: 'der' })
  const tbs = seq(
    tlv(0xa0, tlv(0x02, Buffer.from([2]))),
    tlv(0x02, Buffer.concat([Buffer.from([1]), randomBytes(8)])),
    algId,
    name,
    seq(time('260101000000Z'), time('360101000000Z')),
    name,
    spki,
  )
  const signature = sign(kind === 'ed25519' ? null : 'sha256', tbs, pair.privateKey)
  return seq(tbs, algId, tlv(0x03, Buffer.concat([Buffer.from([0]), signature])))
}

// --- Public forms -----------------------------------------------------------------------------

/** One textual form of a key, named for test titles. */
export interface KeyForm {
  form: string
  text: string
}

/** Every public encoding of the key that must never work as an HMAC secret (PEM, base64, DER, certificate, JWK, SSH), and a few more. */
export function publicForms(pair: KeyPair): KeyForm[] {
  const spki = pair.publicKey.export({ type: 'spki', format: 'der' })
  const spkiPem = pem('PUBLIC KEY', spki)
  const cert = certificateDer(pair)
  const certPem = pem('CERTIFICATE', cert)
  const jwk = { ...pair.publicKey.export({ format: 'jwk' }), kid: 'k1', use: 'sig' }
  const jwkText = JSON.stringify(jwk)
  const blob = sshBlob(pair.publicKey)
  const sshLine = `${sshType(pair.publicKey)} ${b64(blob)} someone@example`
  const forms: KeyForm[] = [
    { form: 'SPKI PEM', text: spkiPem },
    { form: 'SPKI PEM with CRLF line ends', text: spkiPem.replace(/\n/g, '\r\n') },
    { form: 'SPKI PEM inside a JSON string', text: JSON.stringify({ key: spkiPem }) },
    { form: 'base64 of the SPKI PEM', text: b64(Buffer.from(spkiPem)) },
    { form: 'PEM body (DER SPKI) without BEGIN/END lines', text: wrap(b64(spki)) },
    { form: 'DER SPKI as one base64 line', text: b64(spki) },
    { form: 'DER SPKI as base64url', text: b64url(spki) },
    { form: 'DER SPKI as hex', text: hex(spki) },
    { form: 'certificate PEM', text: certPem },
    { form: 'base64 of the certificate PEM', text: b64(Buffer.from(certPem)) },
    { form: 'certificate body without BEGIN/END lines', text: wrap(b64(cert)) },
    { form: 'JWK', text: jwkText },
    { form: 'JWKS', text: JSON.stringify({ keys: [jwk] }) },
    { form: 'JWK with a trailing comma', text: `${jwkText},` },
    { form: 'JWK with trailing text', text: `${jwkText}\n(from the issuer's JWKS)` },
    { form: 'JSON array of JWKs', text: JSON.stringify([jwk]) },
    { form: 'JWK nested in an object', text: JSON.stringify({ issuer: 'x', jwk }) },
    { form: 'base64 of the JWK', text: b64(Buffer.from(jwkText)) },
    { form: 'OpenSSH authorized_keys line', text: sshLine },
    { form: 'authorized_keys line with options', text: `from="10.0.0.0/8",no-pty ${sshLine}` },
    { form: 'OpenSSH key blob alone', text: b64(blob) },
    { form: 'base64 of the OpenSSH line', text: b64(Buffer.from(sshLine)) },
    {
      form: 'RFC 4716 SSH2 PUBLIC KEY block',
      text: `---- BEGIN SSH2 PUBLIC KEY ----\nComment: "a test key"\n${wrap(b64(blob), 70)}\n---- END SSH2 PUBLIC KEY ----`,
    },
  ]
  if (pair.type === 'rsa') {
    const pkcs1 = pair.publicKey.export({ type: 'pkcs1', format: 'der' })
    forms.push(
      { form: 'PKCS#1 RSA PUBLIC KEY PEM', text: pem('RSA PUBLIC KEY', pkcs1) },
      { form: 'PKCS#1 body without BEGIN/END lines', text: wrap(b64(pkcs1)) },
    )
  }
  return forms
}

// --- Private forms ----------------------------------------------------------------------------

const yamlBlock = (text: string, indent: string) =>
  text
    .trim()
    .split('\n')
    .map((l) => indent + l)
    .join('\n')

/** Every form in which a private key may be pasted into the key box, each of which is refused. */
export function privateForms(pair: KeyPair): KeyForm[] {
  const pkcs8 = pair.privateKey.export({ type: 'pkcs8', format: 'der' })
  const pkcs8Pem = pem('PRIVATE KEY', pkcs8)
  const jwk = pair.privateKey.export({ format: 'jwk' })
  const jwkText = JSON.stringify(jwk)
  const encrypted = pair.privateKey.export({
    type: 'pkcs8',
    format: 'pem',
    cipher: 'aes-256-cbc',
    passphrase: 'test',
  }) as string
  const certPem = pem('CERTIFICATE', certificateDer(pair))
  const tlsSecret = `apiVersion: v1
kind: Secret
metadata:
  name: web-tls
type: kubernetes.io/tls
data:
  tls.crt: ${b64(Buffer.from(certPem))}
  tls.key: ${b64(Buffer.from(pkcs8Pem))}
`
  const kubeconfig = `apiVersion: v1
kind: Config
clusters:
- cluster:
    server: https://127.0.0.1:6443
  name: kind
users:
- name: admin
  user:
    client-certificate-data: ${b64(Buffer.from(certPem))}
    client-key-data: ${b64(Buffer.from(pkcs8Pem))}
`
  const forms: KeyForm[] = [
    { form: 'PKCS#8 PEM', text: pkcs8Pem },
    { form: 'encrypted PKCS#8 PEM', text: encrypted },
    { form: 'base64 of the PEM (a Secret’s tls.key)', text: b64(Buffer.from(pkcs8Pem)) },
    { form: 'PEM body without BEGIN/END lines', text: wrap(b64(pkcs8)) },
    { form: 'first line of the PEM body only', text: wrap(b64(pkcs8)).split('\n')[0] as string },
    { form: 'DER as one base64url line', text: b64url(pkcs8) },
    { form: 'DER as hex', text: hex(pkcs8) },
    {
      form: 'encrypted PKCS#8 body without BEGIN/END lines',
      text: encrypted
        .split('\n')
        .filter((l) => l && !l.startsWith('-----'))
        .join('\n'),
    },
    {
      form: 'first line of the encrypted PKCS#8 body only',
      text: encrypted.split('\n').find((l) => l && !l.startsWith('-----')) as string,
    },
    { form: 'private JWK', text: jwkText },
    { form: 'JSON array of private JWKs', text: JSON.stringify([jwk]) },
    { form: 'private JWK in a JWKS', text: JSON.stringify({ keys: [jwk] }) },
    { form: 'private JWK with a trailing comma', text: `${jwkText},` },
    { form: 'private JWK with trailing text', text: `${jwkText} <- the signing key` },
    { form: 'private JWK with a comma before its closing brace', text: jwkText.replace(/}$/, ',}') },
    { form: 'private JWK nested in an object', text: JSON.stringify({ signer: { name: 'a', key: jwk } }) },
    { form: 'private JWK kept as a JSON string', text: JSON.stringify({ jwk: jwkText }) },
    { form: 'base64 of the private JWK', text: b64(Buffer.from(jwkText)) },
    {
      form: 'private JWK as YAML',
      text: Object.entries(jwk)
        .map(([k, v]) => `${k}: ${String(v)}`)
        .join('\n'),
    },
    { form: 'TLS Secret YAML (data)', text: tlsSecret },
    {
      form: 'TLS Secret YAML (stringData)',
      text: `apiVersion: v1\nkind: Secret\ntype: kubernetes.io/tls\nstringData:\n  tls.key: |\n${yamlBlock(pkcs8Pem, '    ')}\n`,
    },
    {
      form: 'TLS Secret as JSON',
      text: JSON.stringify({ kind: 'Secret', data: { 'tls.key': b64(Buffer.from(pkcs8Pem)) } }),
    },
    { form: 'kubeconfig with client-key-data', text: kubeconfig },
    {
      form: 'Secret holding a kubeconfig',
      text: `kind: Secret\ndata:\n  kubeconfig: ${b64(Buffer.from(kubeconfig))}\n`,
    },
    {
      form: 'service account key file (private_key)',
      text: JSON.stringify({ type: 'service_account', private_key_id: 'x', private_key: pkcs8Pem }),
    },
  ]
  if (pair.type === 'rsa')
    forms.push(
      { form: 'PKCS#1 RSA PRIVATE KEY PEM', text: pair.privateKey.export({ type: 'pkcs1', format: 'pem' }) as string },
      {
        form: 'PKCS#1 body without BEGIN/END lines',
        text: wrap(b64(pair.privateKey.export({ type: 'pkcs1', format: 'der' }))),
      },
    )
  if (pair.type !== 'rsa' && pair.type !== 'ed25519') {
    const sec1 = pair.privateKey.export({ type: 'sec1', format: 'der' })
    forms.push(
      { form: 'SEC 1 EC PRIVATE KEY PEM', text: pem('EC PRIVATE KEY', sec1) },
      { form: 'SEC 1 body without BEGIN/END lines', text: wrap(b64(sec1)) },
    )
  }
  return forms
}

/** Private key containers that need no real key to build: OpenSSH and PKCS#12 structure, PuTTY text. */
export function containerForms(): KeyForm[] {
  const openssh = Buffer.concat([Buffer.from('openssh-key-v1\0'), sshString(Buffer.from('none')), randomBytes(200)])
  const pfx = seq(tlv(0x02, Buffer.from([3])), seq(oid('2a864886f70d010701'), tlv(0xa0, tlv(0x04, randomBytes(64)))))
  return [
    { form: 'OpenSSH private key PEM', text: pem('OPENSSH PRIVATE KEY', openssh) },
    { form: 'OpenSSH private key body', text: wrap(b64(openssh), 70) },
    {
      form: 'Secret with ssh-privatekey',
      text: `kind: Secret\ndata:\n  ssh-privatekey: ${b64(Buffer.from(pem('OPENSSH PRIVATE KEY', openssh)))}\n`,
    },
    { form: 'PKCS#12 bundle as base64', text: b64(pfx) },
    {
      form: 'PuTTY private key',
      text: `PuTTY-User-Key-File-3: ssh-ed25519\nEncryption: none\nPublic-Lines: 2\n${b64(randomBytes(48))}`,
    },
  ]
}
