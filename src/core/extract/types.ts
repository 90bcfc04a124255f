import type { Diagnostic, Span } from '../diagnostics/diagnostic.ts'

/** Where in the pasted text the token was found; values are the `data-source` test hook. */
export type ExtractionSource =
  | 'raw'
  | 'bearer'
  | 'authorization-header'
  | 'base64'
  | 'secret'
  | 'kubeconfig'
  | 'token-request'
  | 'json-field'
  | 'url'
  | 'whitespace-stripped'
  | 'token-review'
  | 'self-subject-review'
  | 'csi-tokens'
  | 'credential-provider'

/** What was learnt about a Kubernetes Secret that held the token. */
export interface SecretContext {
  kind: 'secret'
  name?: string
  namespace?: string
  type?: string
  /** `data.token` (base64) or `stringData.token` (plain). */
  field: 'data.token' | 'stringData.token'
  /** Every annotation, as text. */
  annotations: Record<string, string>
  serviceAccountName?: string
  serviceAccountUid?: string
  /** True when `data.ca.crt` or `stringData.ca.crt` is present (not parsed). */
  hasCaCrt: boolean
}

/** What was learnt about a kubeconfig user whose token was found. */
export interface KubeconfigContext {
  kind: 'kubeconfig'
  user: string
  /** Contexts that use this user, with their cluster. */
  contexts: { name: string; cluster?: string; namespace?: string }[]
  currentContext?: string
  /** True when the current context uses this user. */
  isCurrentUser: boolean
}

/** What was learnt about a TokenRequest whose status held the token. */
export interface TokenRequestContext {
  kind: 'token-request'
  name?: string
  namespace?: string
  expirationTimestamp?: string
  expirationSeconds?: number
  audiences?: string[]
  boundObject?: { kind?: string; name?: string }
}

/** The user an API server reported, as TokenReview `status.user` or SelfSubjectReview `status.userInfo`. */
export interface ReviewUser {
  username?: string
  uid?: string
  groups: string[]
  extra: { key: string; values: string[] }[]
}

/** What was learnt from a TokenReview or SelfSubjectReview (`kubectl auth whoami`). */
export interface ReviewContext {
  kind: 'review'
  review: 'TokenReview' | 'SelfSubjectReview'
  /** How it was pasted: an object (JSON or YAML), or the table `kubectl auth whoami` prints. */
  format: 'object' | 'table'
  apiVersion?: string
  /** TokenReview only: `status.authenticated`. */
  authenticated?: boolean
  /** The user reported, when there is one. */
  user?: ReviewUser
  /** TokenReview: `spec.audiences` asked for and `status.audiences` granted. */
  specAudiences?: string[]
  statusAudiences?: string[]
  /** TokenReview: `status.error`, the authenticators' reasons for a refusal. */
  error?: string
}

/** One audience's entry of CSI's `csi.storage.k8s.io/serviceAccount.tokens` (KEP-5538, TokenRequestStatus). */
export interface CsiContext {
  kind: 'csi'
  /** The map key; `""` means the API server's audiences. */
  audience: string
  expirationTimestamp?: string
  /** Every audience in the map, in order. */
  audiences: string[]
}

/** What was learnt from a kubelet CredentialProviderRequest (credentialprovider.kubelet.k8s.io). */
export interface CredentialProviderContext {
  kind: 'credential-provider'
  apiVersion?: string
  image?: string
  /** serviceAccountAnnotations, as text. */
  annotations: Record<string, string>
}

/** The `data-bearer` values: bearer tokens that are not JWTs and that the page names. */
export type BearerKind = 'openshift-oauth' | 'bootstrap' | 'eks'

/** A bearer token that is not a JWT, named and explained instead of decoded. */
export interface BearerContext {
  kind: 'bearer'
  bearer: BearerKind
  /** e.g. "OpenShift OAuth access token". */
  title: string
  /** What it is and how the server checks it. */
  summary: string
  facts: { label: string; value: string }[]
  /** For tokens that carry their own expiry (EKS): the instant, in seconds. */
  expiresAt?: number
  /** A command that shows more, filled in from the token (never the secret part). */
  command?: string
}

export type ExtractionContext =
  | SecretContext
  | KubeconfigContext
  | TokenRequestContext
  | ReviewContext
  | CsiContext
  | CredentialProviderContext
  | BearerContext

/** One token found in the paste. */
export interface Candidate {
  /** The token text handed to the decoder. */
  token: string
  source: ExtractionSource
  /** A short name for a picker, e.g. `user "alice" (current context)`. */
  label: string
  /** One line for people: where the token was found and what was done to it. */
  explanation: string
  /**
   * Where the token sits in the input, when it is a verbatim substring of it, so that
   * diagnostics can highlight the pasted text. Absent when the token had to be transformed.
   */
  span?: Span
  /** True when the token text differs from what was pasted, so its signature may not verify as pasted. */
  repaired: boolean
  /** Diagnostics about this candidate (cross-checks, notes on what was done to it). */
  diagnostics: Diagnostic[]
  context?: ExtractionContext
}

export interface Extraction extends Candidate {
  /** Every token found, in the order offered to the user; the chosen one is `candidates[selected]`. */
  candidates: Candidate[]
  selected: number
  /**
   * Set when the token could not be found yet because code is missing: `extractor` when the
   * paste is not a simple token and only `extractSimple` ran (the full `extractToken` is loaded
   * lazily), `yaml` when the paste looks like YAML and no YAML parser was given. The caller
   * loads what is named and extracts again.
   */
  pending?: 'extractor' | 'yaml'
}

/**
 * Parses YAML text into plain values, one per document. May throw on invalid YAML: extraction
 * catches it. Injected so that the YAML library is only loaded when a paste needs it.
 */
export type YamlParser = (text: string) => unknown[]

export interface ExtractOptions {
  /** The full extractor, once loaded; without it `analyze` handles only simple pastes. */
  extract?: (input: string, options: ExtractOptions) => Extraction
  parseYaml?: YamlParser
  /** Index into `candidates` of the token the user picked; out-of-range values pick the first. */
  pick?: number
}
