// The CEL evaluator, as this module needs it. Core cannot load a library on demand, so the page
// passes one in (see src/core/cel/ for the adapter). The contract carries the two things the API
// server's compiler gives it: the type the checker inferred, and whether the expression selects
// `claims.<field>` (validation.go hasSelectExp, used by the email_verified rule).
import type { JsonValue } from '../encoding/json.ts'

/** Which variable the expression sees: `claims` (mappings, claim rules) or `user` (user rules). */
export type CelEnvKind = 'claims' | 'user'

/** A CEL value converted back to plain data. */
export type CelResultValue =
  | { type: 'string'; value: string }
  | { type: 'bool'; value: boolean }
  | { type: 'int' | 'uint' | 'double'; value: number }
  | { type: 'null' }
  | { type: 'list'; items: CelResultValue[] }
  | { type: 'map'; entries: [string, CelResultValue][] }
  | { type: 'other'; name: string }

export type CelEvalResult =
  | { ok: true; value: CelResultValue }
  /** `offline` marks errors that come from the evaluator here, not from CEL: the API server might succeed. */
  | { ok: false; error: string; offline: boolean }

/** What `user` holds for userValidationRules (apiserver oidc.go newUserInfoValue). */
export interface CelUserInput {
  username: string
  uid: string
  groups: string[]
  extra: Record<string, string[]>
}

export interface CelProgram {
  /** The checker's output type, as CEL names it (`bool`, `string`, `dyn`…), or `unknown` where the evaluator cannot tell what cel-go infers. */
  outputType: string
  /** True when the expression contains `claims.<field>` or `claims.?<field>` (not `claims["<field>"]`). */
  selectsClaim(field: string): boolean
  evaluate(vars: { claims?: Record<string, JsonValue>; user?: CelUserInput }): CelEvalResult
}

export type CelCompileResult =
  | { ok: true; program: CelProgram }
  /** `offline`: the library here cannot compile it (a function it lacks); the API server may well. */
  | { ok: false; error: string; offline: boolean }

/** A CEL implementation, injected by the caller. */
export interface CelEngine {
  /** Library name and version, for the trace. */
  readonly name: string
  compile(expression: string, env: CelEnvKind): CelCompileResult
}
