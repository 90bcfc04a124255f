/** The `data-state` values of the signature-status test hook. */
export type SignatureState = 'unverified' | 'verified' | 'invalid' | 'no-matching-key' | 'unsupported' | 'key-error'

export interface StateMeaning {
  title: string
  /** The result in a few words, for a heading: "Signature: not verified". */
  short: string
  proves: string
  doesNotProve: string
}

/**
 * What an unchecked signature means: the one result shown before the verification code has loaded
 * (every other result comes from it, and STATE_MEANING with it, ./stateMeaning.ts).
 */
export const UNVERIFIED_MEANING: StateMeaning = {
  short: 'not verified',
  title: 'Not verified',
  proves: 'Nothing yet: no key was given, so the signature has not been checked.',
  doesNotProve: 'The claims are only what the token says about itself; anyone can write them.',
}
