import type { Page } from '@playwright/test'
import { createHash, createHmac } from 'node:crypto'
import { SignJWT, exportSPKI, generateKeyPair } from 'jose'
import { COLLIDING_SECRETS } from '../src/test/colliding-secrets.ts'
import { generate, privateForms } from '../src/test/key-encodings.ts'
import { SSH_KEY_VECTORS } from '../src/test/ssh-key-vectors.ts'
import { expect, paste, test } from './fixtures.ts'

// Private keys in every form, key confusion (public key material as an HMAC secret), the
// verification cache key, and verdicts that blame the right thing.

test.describe.configure({ timeout: 90_000 })

const b64u = (s: string | Buffer) => Buffer.from(s).toString('base64url')
const hs256 = (secret: string) =>
  new SignJWT({ sub: 'forged' }).setProtectedHeader({ alg: 'HS256' }).sign(new TextEncoder().encode(secret))

/** Records every data-state the signature status passes through, to catch a verdict shown for a frame. */
async function recordStates(page: Page) {
  await page.evaluate(() => {
    const seen: string[] = []
    ;(window as unknown as { __states: string[] }).__states = seen
    const el = document.querySelector('[data-testid=signature-status]') as HTMLElement
    new MutationObserver(() => seen.push(el.dataset.state ?? '')).observe(el, {
      attributes: true,
      attributeFilter: ['data-state', 'aria-busy'],
    })
  })
  return () => page.evaluate(() => (window as unknown as { __states: string[] }).__states)
}

// --- Private keys ------------------------------------------------------------------------------

/**
 * Opens a token from a #token= link, so that the token box holds no undo step of its own (the
 * browser keeps one undo history per page, and Ctrl+Z would otherwise reach the token), and
 * starts watching the key box: every input event whose box holds one of `fragments` is recorded.
 */
async function openWithWatch(page: Page, token: string, fragments: string[]) {
  await page.goto(`./#token=${token}`)
  await expect(page.getByTestId('signature-status')).toHaveAttribute('data-state', 'unverified')
  await page.evaluate((frags) => {
    const w = window as unknown as { __leaks: string[]; __firstBox: Element | null }
    w.__leaks = []
    w.__firstBox = document.querySelector('[data-testid=key-input]')
    document.addEventListener(
      'input',
      (e) => {
        const v = (e.target as HTMLTextAreaElement).value ?? ''
        if (frags.some((f) => v.includes(f))) w.__leaks.push(`input event with the key in ${(e.target as Element).id}`)
      },
      true,
    )
  }, fragments)
}

/** Everything the page holds that a fragment of the key must not be in: the DOM, every field, React state. */
async function findLeaks(page: Page, fragments: string[]): Promise<string[]> {
  return page.evaluate((frags) => {
    const w = window as unknown as { __leaks: string[]; __firstBox: HTMLTextAreaElement | null }
    const leaks = [...w.__leaks]
    const has = (s: string) => frags.some((f) => s.includes(f))
    if (has(document.documentElement.outerHTML)) leaks.push('DOM')
    for (const el of Array.from(document.querySelectorAll<HTMLTextAreaElement | HTMLInputElement>('textarea, input')))
      if (has(el.value)) leaks.push(`value of ${el.id || el.tagName}`)
    if (w.__firstBox && has(w.__firstBox.value)) leaks.push('the key box the paste went to')
    // React keeps props and hook state (with each hook's queue) on fibers, current and alternate.
    const root = document.getElementById('root') as unknown as Record<string, unknown>
    const rootKey = Object.keys(root).find((k) => k.startsWith('__reactContainer$'))
    const seen = new Set<unknown>()
    const scan = (v: unknown, depth: number, where: string): void => {
      if (depth > 8 || v === null || v === undefined || seen.has(v)) return
      if (typeof v === 'string') {
        if (has(v)) leaks.push(`React ${where}`)
        return
      }
      if (typeof v !== 'object' || v instanceof Node) return
      seen.add(v)
      if ('return' in (v as object) && 'stateNode' in (v as object)) return // another fiber: walked below
      const entries = v instanceof Map ? [...v.values()] : v instanceof Set ? [...v] : Object.values(v as object)
      for (const x of entries) scan(x, depth + 1, where)
    }
    type Fiber = {
      child: Fiber | null
      sibling: Fiber | null
      alternate: Fiber | null
      memoizedProps: unknown
      memoizedState: unknown
      type: unknown
    }
    const walk = (f: Fiber | null) => {
      for (let fiber = f; fiber; fiber = fiber.sibling) {
        for (const x of [fiber, fiber.alternate]) {
          if (!x) continue
          const name = typeof x.type === 'function' ? (x.type as { name: string }).name : String(x.type)
          scan(x.memoizedProps, 0, `props of ${name}`)
          scan(x.memoizedState, 0, `state of ${name}`)
        }
        walk(fiber.child)
      }
    }
    if (rootKey) walk(root[rootKey] as Fiber)
    else leaks.push('no React root found')
    return leaks
  }, fragments)
}

/**
 * Undo and redo in the key box, as far as they go; the key must never come back, not even for the
 * moment before the page would refuse it again.
 */
async function undoRedo(page: Page, fragments: string[]) {
  const box = page.getByTestId('key-input')
  await box.focus()
  const before = await page.evaluate(() => (window as unknown as { __leaks: string[] }).__leaks.length)
  for (const keys of ['Control+z', 'Control+z', 'Control+z', 'Control+Shift+z', 'Control+Shift+z', 'Control+y']) {
    await page.keyboard.press(keys)
    const value = await box.inputValue()
    expect(
      fragments.some((f) => value.includes(f)),
      `after ${keys} the key box holds the key again`,
    ).toBe(false)
  }
  const during = await page.evaluate((n) => (window as unknown as { __leaks: string[] }).__leaks.slice(n), before)
  expect(during, 'the key came back into the box during undo or redo').toEqual([])
}

const pair = generate('p256')
const FORMS = Object.fromEntries(privateForms(pair).map((f) => [f.form, f.text]))
const fragmentsOf = (text: string) =>
  [0.3, 0.6].map((p) => text.slice(Math.floor(text.length * p), Math.floor(text.length * p) + 20))

for (const [form, how] of [
  ['PKCS#8 PEM', 'clipboard'],
  ['base64 of the PEM (a Secret’s tls.key)', 'fill'],
  ['PEM body without BEGIN/END lines', 'clipboard'],
  ['JSON array of private JWKs', 'fill'],
  ['private JWK with a trailing comma', 'insertText'],
  ['private JWK nested in an object', 'fill'],
  ['kubeconfig with client-key-data', 'clipboard'],
] as const) {
  test(`a private key pasted as ${form} (${how}) is refused and cleared: not in the box, the DOM, React state or the undo history`, async ({
    page,
    context,
  }) => {
    const token = await new SignJWT({ sub: 'x' }).setProtectedHeader({ alg: 'ES256' }).sign(pair.privateKey)
    const text = FORMS[form] as string
    const fragments = fragmentsOf(text)
    await openWithWatch(page, token, fragments)
    const box = page.getByTestId('key-input')
    if (how === 'fill') await box.fill(text)
    else {
      await box.focus()
      if (how === 'insertText') await page.keyboard.insertText(text)
      else {
        await context.grantPermissions(['clipboard-read', 'clipboard-write'])
        await page.evaluate((t) => navigator.clipboard.writeText(t), text)
        await page.keyboard.press('Control+v')
      }
    }
    await expect(page.getByTestId('key-refused')).toContainText('private key')
    await expect(box).toHaveValue('')
    await expect(box).toBeFocused()
    await expect(page.getByTestId('signature-status')).toHaveAttribute('data-state', 'key-error')
    expect(await findLeaks(page, fragments)).toEqual([])
    await undoRedo(page, fragments)
    expect(await findLeaks(page, fragments)).toEqual([])
    // The token is untouched and a public key still works in the fresh box.
    await box.fill(await exportSPKI(pair.publicKey))
    await expect(page.getByTestId('signature-status')).toHaveAttribute('data-state', 'verified')
  })
}

test('a private key completed by an insertion that cannot be cancelled is cleared with the box it went into', async ({
  page,
}) => {
  const token = await new SignJWT({ sub: 'x' }).setProtectedHeader({ alg: 'ES256' }).sign(pair.privateKey)
  const text = FORMS['PKCS#8 PEM'] as string
  const fragments = fragmentsOf(text)
  await openWithWatch(page, token, [])
  // An IME commit or an extension writes the value and fires input without a cancellable beforeinput.
  await page.evaluate((t) => {
    const box = document.querySelector('[data-testid=key-input]') as HTMLTextAreaElement
    Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')?.set?.call(box, t)
    box.dispatchEvent(new Event('input', { bubbles: true }))
  }, text)
  await expect(page.getByTestId('key-refused')).toContainText('private key')
  await expect(page.getByTestId('key-input')).toHaveValue('')
  // The box the key went into is gone from the page, replaced by a fresh one.
  expect(await page.evaluate(() => (window as unknown as { __firstBox: Element }).__firstBox.isConnected)).toBe(false)
  await undoRedo(page, fragments)
  const leaks = (await findLeaks(page, fragments)).filter((l) => l !== 'the key box the paste went to')
  expect(leaks).toEqual([])
})

// --- Key confusion ------------------------------------------------------------------------------

for (const v of SSH_KEY_VECTORS.filter((x) => ['ed25519', 'p256', 'rsa'].includes(x.name))) {
  const type = v.sshLine.split(' ')[0] as string
  test(`an OpenSSH ${type} line as the secret of an HS256 token signed with it: never verified, and says why`, async ({
    page,
  }) => {
    await page.goto('./')
    await paste(page, await hs256(v.sshLine))
    const status = page.getByTestId('signature-status')
    await expect(status).toHaveAttribute('data-state', 'unverified')
    const states = await recordStates(page)
    await page.getByTestId('key-input').fill(v.sshLine)
    await expect(status).toHaveAttribute('data-state', 'no-matching-key')
    await expect(page.locator('[data-testid=diagnostic][data-code=ALG_KEY_CONFUSION]')).toContainText(
      `OpenSSH ${type} public key`,
    )
    expect(await states()).not.toContain('verified')
    // The same line verifies a token its key really signed.
    await paste(page, v.token)
    await expect(status).toHaveAttribute('data-state', 'verified')
  })
}

test('the base64 of a PEM public key as a base64 HMAC secret is refused, whatever the encoding chosen', async ({
  page,
}) => {
  const { publicKey } = await generateKeyPair('RS256', { extractable: true })
  const pemText = await exportSPKI(publicKey)
  const b64 = Buffer.from(pemText).toString('base64')
  await page.goto('./')
  const token = await new SignJWT({}).setProtectedHeader({ alg: 'HS256' }).sign(new TextEncoder().encode(pemText))
  await paste(page, token)
  const status = page.getByTestId('signature-status')
  await expect(status).toHaveAttribute('data-state', 'unverified')
  const states = await recordStates(page)
  await page.getByTestId('key-input').fill(b64)
  for (const encoding of ['base64', 'base64url', 'utf8']) {
    await page.getByLabel('Secret written as').selectOption(encoding)
    await expect(status).toHaveAttribute('data-state', 'no-matching-key')
  }
  await expect(page.locator('#key-recognised')).toContainText('One public key in PEM, given as base64.')
  expect(await states()).not.toContain('verified')
})

test('two secrets that shared the old cache key get their own verdicts', async ({ page }) => {
  const [right, other] = COLLIDING_SECRETS
  await page.goto('./')
  await paste(page, await hs256(right))
  const status = page.getByTestId('signature-status')
  const box = page.getByTestId('key-input')
  await box.fill(right)
  await expect(status).toHaveAttribute('data-state', 'verified')
  const states = await recordStates(page)
  await box.fill(other)
  await expect(status).toHaveAttribute('data-state', 'invalid')
  expect(await states()).not.toContain('verified')
  await box.fill(right)
  await expect(status).toHaveAttribute('data-state', 'verified')
})

// --- Verdicts that blame the token ----------------------------------------------------------------

const SECRET = 'a-shared-secret-that-is-32-bytes!'
function handSigned(header: object, payload: string, encode = true) {
  const input = `${b64u(JSON.stringify(header))}.${encode ? b64u(payload) : payload}`
  return `${input}.${createHmac('sha256', SECRET).update(input).digest('base64url')}`
}

test('lowercase hs256: the algorithm is named as the problem, on its row and in the verdict', async ({ page }) => {
  await page.goto('./')
  await paste(page, handSigned({ alg: 'hs256' }, '{"sub":"x"}'))
  await expect(page.locator('[data-testid=diagnostic][data-code=ALG_CASE_MISMATCH]')).toContainText('"HS256"')
  await page.getByTestId('key-input').fill(SECRET)
  const status = page.getByTestId('signature-status')
  await expect(status).toHaveAttribute('data-state', 'unsupported')
  await expect(status).toContainText('The token is at fault, not the key')
})

test('b64 false without crit: the token is malformed, the key is not blamed', async ({ page }) => {
  await page.goto('./')
  await paste(page, handSigned({ alg: 'HS256', b64: false }, 'payload', false))
  await page.getByTestId('key-input').fill(SECRET)
  const status = page.getByTestId('signature-status')
  await expect(status).toHaveAttribute('data-state', 'unsupported')
  await expect(status).toContainText('without listing "b64" in crit')
  await expect(page.locator('[data-testid=diagnostic][data-code=B64_NOT_CRITICAL]')).toBeVisible()
})

test('an SD-JWT with a valid issuer signature verifies', async ({ page }) => {
  const { publicKey, privateKey } = await generateKeyPair('ES256', { extractable: true })
  const disclosure = b64u(JSON.stringify(['salt', 'given_name', 'Ada']))
  const issuer = await new SignJWT({
    iss: 'https://issuer.example',
    _sd: [createHash('sha256').update(disclosure).digest('base64url')],
    _sd_alg: 'sha-256',
  })
    .setProtectedHeader({ alg: 'ES256', typ: 'dc+sd-jwt' })
    .sign(privateKey)
  await page.goto('./')
  await paste(page, `${issuer}~${disclosure}~`)
  await page.getByTestId('key-input').fill(await exportSPKI(publicKey))
  await expect(page.getByTestId('signature-status')).toHaveAttribute('data-state', 'verified')
})

test('a kid of the wrong type gets a diagnostic; five parts without enc are invalid, with one diagnostic', async ({
  page,
}) => {
  await page.goto('./')
  await paste(page, handSigned({ alg: 'HS256', kid: 123 }, '{"sub":"x"}'))
  await expect(page.locator('[data-testid=diagnostic][data-code=HEADER_PARAM_TYPE]')).toContainText('"kid" is a number')
  await paste(page, [b64u('{"alg":"RS256"}'), 'YQ', 'Yg', 'Yw', 'ZA'].join('.'))
  await expect(page.getByTestId('token-kind')).toHaveAttribute('data-kind', 'invalid')
  await expect(page.locator('[data-testid=diagnostic]')).toHaveCount(1)
  await expect(page.locator('[data-testid=diagnostic]')).toHaveAttribute('data-code', 'JWE_HEADER_NO_ENC')
})
