/**
 * Decoding: a compact JWS, JWE or unsecured JWT split into its parts, each part read as
 * base64url, UTF-8 and JSON with a precise diagnostic for what breaks, and an SD-JWT's
 * disclosures. Decoding is not trusting: nothing here checks a signature.
 * @module
 */
export { HEADER_PARAM_CODES } from './codes.ts'
export {
  decodeToken,
  decodeTokenSteps,
  MAX_TOKEN_LENGTH,
  type DecodeOptions,
  type TokenForm,
  type Segment,
  type DecodedJson,
  type PayloadView,
  type DecodedToken,
} from './decodeToken.ts'
export { headerParamTypes } from './headerParams.ts'
export type { Disclosure, SdJwtParts } from './sdJwt.ts'
export { segByteSpan, segSpan } from './segment.ts'
export { runSteps, type Steps } from './steps.ts'
