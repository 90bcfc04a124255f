/**
 * The full extractor: finds the token in any paste (headers, JSON, Kubernetes objects, URLs,
 * base64). It is the lazy half of extraction: the page loads it on demand, the first time a paste
 * is more than a bare token, so nothing in the start-up bundle may import this module statically.
 * The start-up half is `./simple.ts`.
 * @byPath ./codes.ts (its codes, which the registry joins by path)
 * @module
 */
export { extractToken, looksLikeYaml } from './extractToken.ts'
export { looksLikeJwt } from './text.ts'
export { extractSimple, MAX_INPUT_LENGTH } from './simple.ts'
export type {
  ExtractionSource,
  SecretContext,
  KubeconfigContext,
  TokenRequestContext,
  ReviewUser,
  ReviewContext,
  CsiContext,
  CredentialProviderContext,
  BearerKind,
  BearerContext,
  ExtractionContext,
  Candidate,
  Extraction,
  YamlParser,
  ExtractOptions,
} from './types.ts'
