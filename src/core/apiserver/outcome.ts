// What one authenticator concludes about a token, before the chain turns it into a verdict.
import type { LiveCheck, TraceStep, UserInfo } from './types.ts'

export type AuthnOutcome =
  /** Not this authenticator's token (wrong issuer, not a compact JWT): the next one is asked. */
  | { kind: 'skip'; trace: TraceStep[] }
  | {
      kind: 'error'
      /** The API server's error text. */
      error: string
      reason: string
      explanation: string
      trace: TraceStep[]
      signatureVerified: boolean
    }
  | {
      kind: 'ok'
      user: UserInfo
      audiences: string[]
      trace: TraceStep[]
      liveChecks: LiveCheck[]
      /** True only when a pasted key verified the signature. */
      signatureVerified: boolean
      notes: string[]
    }
  /** A check that cannot be made here (a CEL function the library lacks): no verdict. */
  | { kind: 'undetermined'; reason: string; explanation: string; trace: TraceStep[] }

/** Collects trace steps for one authenticator. */
export class Trace {
  readonly steps: TraceStep[] = []
  constructor(readonly authenticator: string) {}
  add(check: string, outcome: TraceStep['outcome'], detail: string): void {
    this.steps.push({ check, authenticator: this.authenticator, outcome, detail })
  }
}
