/**
 * The compose view's state, framework-free: the draft (header and claims text, from a template or
 * a copy), the algorithm, the signing key, and the token last made. Loaded with the compose view.
 *
 * The rules it keeps:
 * - signing is always an explicit `sign()`: editing the draft, the algorithm or the key never makes
 *   a new token, it only marks the last one as out of date;
 * - private material (the pasted key text, the key read or made, a generated HMAC secret) lives in
 *   this object only, and `forgetKey()` drops all of it; nothing here writes to storage or the URL.
 */
import type {
  ComposeAlg,
  ComposeResult,
  Diagnostic,
  Draft,
  FieldId,
  FieldTypes,
  HmacEncoding,
  SigningAlg,
  SigningKey,
  TemplateId,
} from '../core/index.ts'
import { Latest } from './async.ts'
import type { ComposerModule } from './modules.ts'
import { Store } from './subscribable.ts'

/** What a token was made from: the basis against which it is out of date. */
interface Basis {
  header: string
  payload: string
  alg: ComposeAlg
  key: SigningKey | null
}

export interface ComposerState {
  template: TemplateId
  header: string
  payload: string
  alg: ComposeAlg
  /** Said about the draft: where a copy came from, and that it is unsigned. */
  note: string | null
  /** The private key box's text. Private material: memory only. */
  keyText: string
  encoding: HmacEncoding
  /** `reading` while a pasted key or a new one is being made. */
  keyStatus: 'none' | 'reading' | 'ready' | 'error'
  /** The key that signs, read or made here. Private material: memory only. */
  key: SigningKey | null
  keyDiagnostics: readonly Diagnostic[]
  /** When the key is fine but another algorithm fits it. */
  suggestedAlg: SigningAlg | undefined
  /** The last token made, with what it was made from; null until the user signs. */
  made: { result: ComposeResult; basis: Basis } | null
}

/** A draft handed over by "Edit a copy". */
export interface HandedDraft extends Draft {
  note?: string | undefined
  template?: TemplateId | undefined
}

const NO_KEY: Pick<ComposerState, 'keyText' | 'keyStatus' | 'key' | 'keyDiagnostics' | 'suggestedAlg'> = {
  keyText: '',
  keyStatus: 'none',
  key: null,
  keyDiagnostics: [],
  suggestedAlg: undefined,
}

export class Composer extends Store<ComposerState> {
  readonly #keys = new Latest<{ key: SigningKey | null; diagnostics: Diagnostic[]; suggestedAlg?: SigningAlg }>()
  #signing = 0

  constructor(
    private readonly code: ComposerModule,
    /** Now, in seconds: templates compute iat, nbf and exp from it. */
    private readonly now: () => number,
    private readonly newId?: () => string,
  ) {
    const template: TemplateId = 'k8s-bound-pod'
    super({
      template,
      ...code.templateDraft(template, newId ? { now: now(), newId } : { now: now() }),
      alg: code.templateInfo(template).defaultAlg,
      note: null,
      encoding: 'utf8',
      ...NO_KEY,
      made: null,
    })
  }

  #set(patch: Partial<ComposerState>): void {
    this.setState({ ...this.getSnapshot(), ...patch })
  }

  /** Starts over from a template, with iat, nbf and exp from now. The key stays. */
  readonly chooseTemplate = (template: TemplateId): void => {
    const ctx = this.newId ? { now: this.now(), newId: this.newId } : { now: this.now() }
    this.#set({ template, ...this.code.templateDraft(template, ctx), note: null })
  }

  readonly setHeader = (header: string): void => this.#set({ header })
  readonly setPayload = (payload: string): void => this.#set({ payload })

  /**
   * Writes one form field into the claims. A field cannot be written into broken JSON: the
   * text stays as it is (the view shows why).
   */
  readonly setField = <Id extends FieldId>(id: Id, value: FieldTypes[Id] | undefined): void => {
    const { payload, template } = this.getSnapshot()
    const written = this.code.writeField(payload, id, value, this.code.fieldContext(template, this.now()))
    if (written.ok) this.#set({ payload: written.text })
  }

  /**
   * Another algorithm: a pasted key is read again for it. A key made here keeps the algorithm it
   * was made for, and signs only with that one (see `keyFits`).
   */
  readonly setAlg = (alg: ComposeAlg): Promise<void> => {
    this.#set({ alg })
    return this.getSnapshot().keyText.trim() !== '' ? this.#readKey() : Promise.resolve()
  }

  /** The private key box changed: the text is read for the algorithm (a made key is dropped). */
  readonly setKeyText = (keyText: string): Promise<void> => {
    this.#set({ keyText, key: null })
    return this.#readKey()
  }

  /** How a pasted HMAC secret is written (UTF-8 text, base64 or base64url). */
  readonly setEncoding = (encoding: HmacEncoding): Promise<void> => {
    this.#set({ encoding })
    return this.getSnapshot().keyText.trim() !== '' ? this.#readKey() : Promise.resolve()
  }

  /** Makes a fresh key pair (or HMAC secret) for the algorithm with WebCrypto; a pasted key is cleared. */
  readonly generateKey = async (): Promise<void> => {
    const { alg } = this.getSnapshot()
    if (alg === 'none') return
    this.#set({ ...NO_KEY, keyStatus: 'reading' })
    await this.#settleKey([alg, 'generate', Symbol()], () => this.code.generateSigningKey(alg))
  }

  /** Drops every piece of private material: the key text, the key, a generated secret. */
  readonly forgetKey = (): void => {
    this.#keys.reset()
    this.#signing++
    const { made } = this.getSnapshot()
    // The token and the public key stay (they are not secret); the key that made them goes.
    this.#set({ ...NO_KEY, made: made && { ...made, basis: { ...made.basis, key: null } } })
  }

  /** Takes a copy's header and claims ("Edit a copy"), unsigned: any token made before goes. */
  readonly adopt = (draft: HandedDraft): void => {
    this.#signing++
    const algOf = this.code.checkJsonText(draft.header, 'header')
    const alg = algOf.ok ? algOf.json.value.alg : undefined
    this.#set({
      header: draft.header,
      payload: draft.payload,
      template: draft.template ?? 'empty',
      note: draft.note ?? null,
      made: null,
      ...(typeof alg === 'string' && (this.code.COMPOSE_ALGS as readonly string[]).includes(alg)
        ? { alg: alg as ComposeAlg }
        : {}),
    })
  }

  /** Signs the draft with the key (or makes the unsecured token for `none`): the only way a token is made. */
  readonly sign = async (): Promise<void> => {
    const s = this.getSnapshot()
    const draft = { header: s.header, payload: s.payload }
    const basis: Basis = { ...draft, alg: s.alg, key: s.key }
    if (s.alg !== 'none' && !this.keyFits()) return
    const ticket = ++this.#signing
    const result = s.alg === 'none' || !s.key ? this.code.unsignedToken(draft) : await this.code.signDraft(draft, s.key)
    if (ticket !== this.#signing) return
    // The header as signed carries alg (and the key's kid): the text area shows what was signed.
    const header = result.ok ? result.value.header : s.header
    this.#set({ made: { result, basis: { ...basis, header } }, header })
  }

  /** Whether there is a key and it signs with the chosen algorithm. */
  keyFits(): boolean {
    const { key, alg } = this.getSnapshot()
    return key !== null && key.alg === alg
  }

  /** Whether the draft, the algorithm or the key changed since the last token was made. */
  isStale(): boolean {
    const { made, header, payload, alg, key } = this.getSnapshot()
    if (!made) return false
    const b = made.basis
    return b.header !== header || b.payload !== payload || b.alg !== alg || b.key !== key
  }

  async #readKey(): Promise<void> {
    const { keyText, alg, encoding } = this.getSnapshot()
    if (keyText.trim() === '' || alg === 'none') {
      this.#keys.reset()
      this.#set({ keyStatus: 'none', key: null, keyDiagnostics: [], suggestedAlg: undefined })
      return
    }
    this.#set({ keyStatus: 'reading' })
    await this.#settleKey([keyText, alg, encoding], () => this.code.importSigningKey(keyText, alg, { encoding }))
  }

  async #settleKey(deps: readonly unknown[], job: () => ReturnType<ComposerModule['importSigningKey']>) {
    const run = await this.#keys.run(deps, async () => {
      const r = await job()
      return r.ok
        ? { key: r.key, diagnostics: r.diagnostics }
        : r.suggestedAlg
          ? { key: null, diagnostics: r.diagnostics, suggestedAlg: r.suggestedAlg }
          : { key: null, diagnostics: r.diagnostics }
    })
    if (run?.status !== 'done') return
    const { key, diagnostics, suggestedAlg } = run.value
    this.#set({ key, keyStatus: key ? 'ready' : 'error', keyDiagnostics: diagnostics, suggestedAlg })
  }
}
