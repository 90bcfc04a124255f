import { decodeBase64Loose } from '../encoding/base64.ts'

/** One `-----BEGIN X-----` … `-----END X-----` block. */
export interface PemBlock {
  label: string
  /** Null when the body is not valid base64. */
  der: Uint8Array | null
}

const BLOCK = /-----BEGIN ([A-Z0-9 ]+)-----([\s\S]*?)-----END \1-----/g

/** True when the text contains anything that looks like the start of a PEM block. */
export function hasPemMarker(text: string): boolean {
  return /-----BEGIN [A-Z0-9 ]+-----/.test(text)
}

/** True for PEM labels that carry private key material (PKCS#8, PKCS#1, SEC 1, OpenSSH, encrypted). */
export function isPrivateLabel(label: string): boolean {
  return /PRIVATE KEY/.test(label)
}

/** Every complete PEM block in the text, in order. Headers such as `Proc-Type:` are skipped. */
export function pemBlocks(text: string): PemBlock[] {
  const out: PemBlock[] = []
  for (const m of text.matchAll(BLOCK)) {
    // A PEM copied out of a JSON string keeps its line breaks as the two characters \n.
    const body = (m[2] ?? '')
      .replace(/\\[nr]/g, '\n')
      .split(/\r?\n/)
      .filter((line) => !line.includes(':'))
      .join('')
      .replace(/\s+/g, '')
    out.push({ label: m[1] as string, der: decodeBase64Loose(body) })
  }
  return out
}
