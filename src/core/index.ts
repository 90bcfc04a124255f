// The only entry point ui/ imports from core.
export * from './diagnostics.ts'
export * from './decode.ts'
export * from './extract.ts'
export * from './kind.ts'
export * from './analyze.ts'
export * from './json.ts'
export * from './claims/rows.ts'
export { encodeBase64url, decodeBase64Loose } from './base64url.ts'
export * from './examples.ts'
export * from './claims/info.ts'
export * from './time/validity.ts'
// Types only: the verification functions pull in jose, so the lazily loaded panel imports them
// from './verify/index.ts' directly and they stay out of the start-up chunk.
export type * from './verify/index.ts'
