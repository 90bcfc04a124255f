// The meaning of every signature result: with the verification code (the verify chunk), since
// only it produces a result other than "not verified".
import { UNVERIFIED_MEANING, type SignatureState, type StateMeaning } from './meaning.ts'

/** What each result proves and what it does not, in the page's words. */
export const STATE_MEANING: Record<SignatureState, StateMeaning> = {
  unverified: UNVERIFIED_MEANING,
  verified: {
    short: 'verified',
    title: 'Signature verified',
    proves:
      'The header and payload were signed with the private key (or secret) belonging to the key that verified, and have not changed since.',
    doesNotProve:
      'It does not show that this key belongs to an issuer you trust, nor that the token is accepted now: expiry, audience, revocation and whether its bound pod or secret still exists are separate questions.',
  },
  invalid: {
    short: 'does not match',
    title: 'Signature does not match',
    proves: 'The token was not signed by the key tried, or it was changed after signing.',
    doesNotProve:
      'It is not proof of forgery: the token may come from another cluster or a rotated key, or may have been damaged in copying.',
  },
  'no-matching-key': {
    short: 'no matching key',
    title: 'No matching key',
    proves: 'None of the keys given can check this token: its kid is not among them, or no key fits its algorithm.',
    doesNotProve: 'Nothing about the signature: it was not checked. Supply the issuer’s current keys.',
  },
  unsupported: {
    short: 'cannot be checked here',
    title: 'Cannot be checked here',
    proves:
      'This token’s algorithm or form cannot be verified on this page, or the token itself breaks the JWS rules so that no verifier should check it; the reason is given.',
    doesNotProve: 'Neither that the signature is good nor that it is bad.',
  },
  'key-error': {
    short: 'key could not be used',
    title: 'Key could not be used',
    proves: 'The key text could not be read as a usable public key or secret; the reason is given.',
    doesNotProve: 'Nothing about the token: its signature was not checked.',
  },
}
