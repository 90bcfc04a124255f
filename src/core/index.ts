// The only entry point ui/ imports from core statically (./lazy.ts is for dynamic import() only).
export * from './diagnostics.ts'
export * from './decode.ts'
// The full extractor is not exported here: the page loads it lazily through ./lazy.ts.
export type * from './extract/types.ts'
export { extractSimple, MAX_INPUT_LENGTH } from './extract/simple.ts'
export * from './kind.ts'
export * from './analyze.ts'
export * from './json.ts'
export * from './claims/rows.ts'
export { encodeBase64url, decodeBase64Loose } from './base64url.ts'
export * from './examples.ts'
export * from './claims/info.ts'
export * from './time/validity.ts'
