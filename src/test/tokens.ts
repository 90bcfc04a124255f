import tokens from './public-tokens.json'

/** A fixture token from ./public-tokens.json: real public tokens, kept in the repository so a bare clone can test. */
export function fixture(name: string) {
  const t = tokens.find((x) => x.name === name)
  if (!t) throw new Error(`no fixture named ${name}`)
  return t
}

export const allFixtures = tokens

const b64u = (s: string) => Buffer.from(s, 'utf8').toString('base64url')

/** Builds an unsigned token from literal JSON text, so tests can write malformed JSON on purpose. */
export function rawToken(headerJson: string, payloadJson: string, signature = 'c2ln'): string {
  return `${b64u(headerJson)}.${b64u(payloadJson)}.${signature}`
}

export { b64u }
