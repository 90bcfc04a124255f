/**
 * Encodings every other folder reads through: base64 and base64url, strict UTF-8, a JSON parser
 * that keeps duplicate members and imprecise numbers (and its stepped form for megabyte share
 * links), JSON Pointers, SHA-256 and JWK thumbprints, the characters that deceive a reader, and
 * shell quoting for the commands the page writes from token data.
 * @module
 */
export { decodeBase64Loose, encodeBase64url } from './base64.ts'
export { decodeBase64urlSegment, byteRangeToCharSpan } from './base64url.ts'
export {
  findDeceptive,
  codePointLabel,
  showDeceptive,
  showDeceptiveJson,
  escapeDeceptiveJson,
  type DeceptiveClass,
  type DeceptiveChar,
} from './deceptive.ts'
export {
  parseJson,
  parseJsonSteps,
  JSON_STEP_CHARS,
  isJsonObject,
  MAX_JSON_DEPTH,
  type JsonValue,
  type JsonObject,
  type DuplicateMember,
  type ImpreciseReason,
  type ImpreciseNumber,
  type JsonParseResult,
} from './json.ts'
export { escapePointerToken, childPointer, evaluatePointer } from './jsonPointer.ts'
export { readJsonInSteps } from './jsonSteps.ts'
export { jwkThumbprint, accessTokenHash } from './jwkThumbprint.ts'
export { sha256 } from './sha256.ts'
export { shellQuote, shellArgv, renderShellCommand, untrusted, type ShellPart, type ShellWord } from './shell.ts'
export { decodeUtf8Strict, utf8Offsets, toHex } from './utf8.ts'
