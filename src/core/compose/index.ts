/**
 * Compose test tokens: templates in the real issuers' claim shapes with times computed from a
 * given now, a typed form model that reads from and writes into the JSON text, live validation
 * that names line and column, keys made with WebCrypto or pasted (PKCS#8, PKCS#1, SEC 1, JWK or a
 * secret), and explicit signing that yields the token, the public JWKS with a Kubernetes-style
 * kid and the public key as PEM.
 *
 * Loaded lazily with the Compose view (signing uses WebCrypto and the verify key helpers), never
 * from the start-up chunk. Private keys live only in the returned objects; nothing here stores
 * or sends them.
 * @byPath ./codes.ts (its codes, which the registry joins by path)
 * @module
 */
export {
  ALGS,
  COMPOSE_ALGS,
  algForKey,
  isHmac,
  keyFits,
  type AlgSpec,
  type ComposeAlg,
  type SigningAlg,
} from './algorithms.ts'
export { draftFromToken, type CopyResult } from './draft.ts'
export {
  FIELD_SPECS,
  readFieldValues,
  readFields,
  writeField,
  writeFieldValue,
  type FieldId,
  type FieldLayout,
  type FieldSpec,
  type FieldTypes,
  type FieldValues,
  type FieldsRead,
  type FieldWrite,
  type WriteContext,
} from './fields.ts'
export {
  checkJsonText,
  formatJsonText,
  minifyJson,
  positionAt,
  type JsonPart,
  type JsonTextCheck,
  type TextPosition,
} from './jsonText.ts'
export {
  generateSigningKey,
  importSigningKey,
  type ImportKeyOptions,
  type KeyOrigin,
  type KeyResult,
  type PublicKeyOutput,
  type PublicSigningJwk,
  type SigningKey,
} from './keys.ts'
export { describePkcs8, pkcs1ToPkcs8, sec1ToPkcs8, type PrivateKeyKind } from './pkcs8.ts'
export {
  checkDraft,
  signDraft,
  unsignedToken,
  type ComposeResult,
  type ComposedToken,
  type DraftCheck,
  type SignOptions,
} from './sign.ts'
export {
  GITHUB_ACTIONS_ISSUER,
  KUBERNETES_TEST_ISSUER,
  OIDC_TEST_ISSUER,
  TEMPLATES,
  fieldContext,
  templateDraft,
  templateInfo,
  type Draft,
  type TemplateContext,
  type TemplateId,
  type TemplateInfo,
} from './templates.ts'
