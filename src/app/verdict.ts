/**
 * The last signature verdict, in memory only: the verification panel states it, the summary card
 * repeats it. Only its words and state are kept, never the key.
 */
import { Store } from './subscribable.ts'

/** The signature check's result for one token, as the verification panel last stated it. */
export interface SignatureVerdict {
  /** The token the verdict is about: a verdict for another token is never shown for this one. */
  token: string
  /** The `data-state` of the signature-status hook. */
  state: string
  /** The result in a few words ("not verified", "verified with key 2"). */
  words: string
}

/** The last signature verdict; written by the verification panel, read by the summary card. */
export class VerdictStore extends Store<SignatureVerdict | null> {
  constructor() {
    super(null)
  }

  /** Replaces the verdict unless it says the same thing (so readers do not re-render for nothing). */
  publish(next: SignatureVerdict): void {
    const now = this.getSnapshot()
    if (now && now.token === next.token && now.state === next.state && now.words === next.words) return
    this.setState(next)
  }
}

/** The page's one signature verdict. */
export const signatureVerdict = new VerdictStore()
