import { inflateRawSync } from 'node:zlib'
import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'
import { expect, paste, test, unfold } from './fixtures.ts'

// Tokens crafted by an attacker: their JSON is written by hand (duplicates, odd names), unsigned.
const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64url')
const token = (header: string, payload: string) => `${b64(header)}.${b64(payload)}.c2lnbmF0dXJl`
// Controls and format characters (bidi controls, zero-width characters, U+FEFF…), by Unicode category.
const HIDING = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u

const commands = (page: Page) => page.getByTestId('advice-command').allTextContents()

test('a legacy token whose Secret is named --all gets no command that could delete every Secret', async ({ page }) => {
  await page.goto('./')
  await paste(
    page,
    token(
      '{"alg":"RS256"}',
      JSON.stringify({
        iss: 'kubernetes/serviceaccount',
        'kubernetes.io/serviceaccount/namespace': 'kube-system',
        'kubernetes.io/serviceaccount/secret.name': '--all',
        'kubernetes.io/serviceaccount/service-account.name': 'default',
        'kubernetes.io/serviceaccount/service-account.uid': 'd822ba5f-4290-4bca-94ce-f3bc0dca2e36',
        sub: 'system:serviceaccount:kube-system:default',
      }),
    ),
  )
  await expect(page.getByTestId('token-kind')).toHaveAttribute('data-kind', 'k8s-legacy')
  const revoke = page.locator('[data-testid=advice][data-advice=legacy-revoke]')
  await expect(revoke.getByTestId('advice-withheld')).toContainText(
    'The Secret name in the token, "--all", is not a valid Secret name: Kubernetes requires a DNS-1123 subdomain',
  )
  await expect(revoke.getByTestId('advice-command')).toHaveCount(0)
  await expect(
    page.locator('[data-testid=advice][data-advice=legacy-last-used] [data-testid=advice-command]'),
  ).toHaveCount(0)
  // The other steps keep their commands, and none of them carries the name.
  await expect(page.locator('[data-testid=advice][data-advice=can-i] [data-testid=advice-command]')).toHaveText(
    'kubectl auth can-i --list -n kube-system --as=system:serviceaccount:kube-system:default',
  )
  for (const c of await commands(page)) expect(c).not.toContain('--all')
  await expect(
    page.locator(
      '[data-testid=claim][data-path="/kubernetes.io~1serviceaccount~1secret.name"] [data-testid=diagnostic][data-code=K8S_NAME_INVALID]',
    ),
  ).toBeVisible()
})

test('a service account named --server=https://attacker… gets no command that would send credentials there', async ({
  page,
}) => {
  await page.goto('./')
  const sa = '--server=https://attacker.example:6443'
  await paste(
    page,
    token(
      '{"alg":"RS256"}',
      JSON.stringify({
        aud: ['https://kubernetes.default.svc'],
        exp: 4102444800,
        iat: 4102441200,
        iss: 'https://kubernetes.default.svc',
        sub: `system:serviceaccount:default:${sa}`,
        'kubernetes.io': {
          namespace: 'default',
          pod: { name: 'web', uid: 'p-uid' },
          serviceaccount: { name: sa, uid: 's-uid' },
        },
      }),
    ),
  )
  await expect(page.getByTestId('token-kind')).toHaveAttribute('data-kind', 'k8s-bound-pod')
  for (const id of ['can-i', 'check-service-account', 'reissue']) {
    const step = page.locator(`[data-testid=advice][data-advice=${id}]`)
    await expect(step.getByTestId('advice-command')).toHaveCount(0)
    await expect(step.getByTestId('advice-withheld')).toContainText(
      `The service account name in the token, "${sa}", is not a valid service account name`,
    )
  }
  const shown = await commands(page)
  expect(shown.length).toBeGreaterThan(0)
  for (const c of shown) {
    expect(c).not.toContain('attacker')
    expect(c).not.toContain('--server')
  }
})

test('bidi controls and invisible characters are flagged on the row and shown as markers, never raw', async ({
  page,
}) => {
  await page.goto('./')
  const payload = JSON.stringify({
    aud: ['https://kubernetes.default.svc', 'v\u0430ult'],
    exp: 4102444800,
    iat: 4102441200,
    iss: 'https://kubernetes.default.svc\u200b',
    sub: 'system:serviceaccount:default:ad\u202enimda',
    'kubernetes.io': {
      namespace: 'default',
      pod: { name: 'web\u2066-0', uid: 'p-uid' },
      serviceaccount: { name: 'ad\u202enimda', uid: 's\u200d-uid' },
    },
  })
  await paste(page, token('{"alg":"RS256","kid":"k\u202e1"}', payload))
  const rows: Array<[string, string, string]> = [
    ['/sub', 'DISPLAY_BIDI_CONTROL', 'ad⟨U+202E⟩nimda'],
    ['/iss', 'DISPLAY_INVISIBLE_CHARACTER', 'https://kubernetes.default.svc⟨U+200B⟩'],
    ['/aud', 'DISPLAY_CONFUSABLE_CHARACTER', 'v⟨U+0430⟩ult'],
    ['/kubernetes.io/pod/name', 'DISPLAY_BIDI_CONTROL', 'web⟨U+2066⟩-0'],
    ['/kubernetes.io/serviceaccount/uid', 'DISPLAY_INVISIBLE_CHARACTER', 's⟨U+200D⟩-uid'],
  ]
  for (const [path, code, marked] of rows) {
    const row = page.locator(`[data-testid=claim][data-path="${path}"]`)
    await expect(row.locator(`[data-testid=diagnostic][data-code=${code}]`)).toHaveAttribute('data-severity', 'warning')
    await expect(row).toContainText(marked)
    // The value cell holds the marker, not the character that would reorder or hide text.
    const values = await row.getByTestId('claim-value').allTextContents()
    expect(values.length).toBeGreaterThan(0)
    for (const value of values) expect(value).not.toMatch(HIDING)
  }
  const kid = page.locator('[data-testid=claim][data-header-path="/kid"]')
  await expect(kid.locator('[data-testid=diagnostic][data-code=DISPLAY_BIDI_CONTROL]')).toBeVisible()
  await expect(kid.getByTestId('claim-value')).toHaveText('k⟨U+202E⟩1')
  // The identity panel shows the same markers; only the data attribute keeps the raw username.
  const identity = page.getByTestId('identity')
  await expect(identity).toContainText('system:serviceaccount:default:ad⟨U+202E⟩nimda')
  expect(await identity.textContent()).not.toMatch(HIDING)
  // No command carries such a character: the names fail Kubernetes' rules and are left out.
  for (const c of await commands(page)) expect(c).not.toMatch(HIDING)
  await expect(
    page.locator('[data-testid=advice][data-advice=check-service-account] [data-testid=advice-withheld]'),
  ).toContainText('"ad⟨U+202E⟩nimda"')
  // The JSON source view writes them as escapes.
  const payloadPanel = page.getByRole('region', { name: 'Payload (claims)' })
  await payloadPanel.getByRole('tab', { name: 'JSON' }).click()
  const source = payloadPanel.getByTestId('json-source')
  await expect(source.locator('pre')).toContainText('ad\\u202enimda')
  expect(await page.locator('body').textContent()).not.toMatch(/[\u202a-\u202e\u2066-\u2069]/)
})

/** The header and payload texts a share link carries, read the way the page reads them. */
function linkTexts(url: string): { h: string; p: string; r?: unknown[] } {
  const data = url.split('#v1=')[1] as string
  const bytes = Buffer.from(data.slice(2), 'base64url')
  const json = data.startsWith('z.') ? inflateRawSync(bytes).toString('utf8') : bytes.toString('utf8')
  return JSON.parse(json) as { h: string; p: string; r?: unknown[] }
}

test('a share link hides every copy of a redacted member, and the issuer host in the header too', async ({ page }) => {
  await page.goto('./')
  const payload =
    '{"iss":"https://Issuer.Example/realms/x","uid":"SECRET-UID-1","uid":0,"upn":"ada@corp.example","https://ISSUER.example/roles":["a"],"exp":4102444800}'
  await paste(page, token('{"alg":"RS256","kid":"issuer.example-2024","jku":"https://ISSUER.EXAMPLE/jwks"}', payload))
  await expect(page.getByTestId('token-kind')).toHaveAttribute('data-kind', 'jwt')
  await page.getByTestId('share-button').click()
  await page.getByTestId('redact-uids').check()
  await page.getByTestId('redact-names').check()
  await page.getByTestId('redact-issuerHost').check()
  const link = page.getByTestId('share-link')
  await expect(link.locator('xpath=..').locator('..')).toContainText('6 values redacted')
  const url = await link.inputValue()
  const { h, p } = linkTexts(url)
  for (const text of [h, p]) {
    expect(text).not.toContain('SECRET-UID-1')
    expect(text).not.toContain('ada@corp.example')
    expect(text.toLowerCase()).not.toContain('issuer.example')
  }
  expect(p).toContain('"uid":"[redacted uid]","uid":"[redacted uid]"')
  await page.goto(url)
  await expect(page.getByTestId('shared-banner')).toHaveAttribute('data-state', 'signature-removed')
  await expect(page.locator('[data-testid=redaction][data-header-path="/jku"]')).toHaveAttribute(
    'data-category',
    'issuer-host',
  )
  await expect(page.locator('[data-testid=claim][data-header-path="/kid"]')).toContainText('[redacted host]-2024')
  // A note (info): in the row's fold, with the row's state icon saying so.
  await expect(
    page.locator('[data-testid=claim][data-header-path="/kid"] [data-code=SHARED_VALUE_REDACTED]'),
  ).toBeAttached()
  await expect(page.locator('[data-testid=claim][data-path="/https:~1~1[redacted host]~1roles"]')).toBeVisible()
  await expect(page.locator('body')).not.toContainText('SECRET-UID-1')
})

for (const scheme of ['light', 'dark'] as const) {
  test(`withheld commands and markers pass axe (${scheme} theme)`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme })
    await page.goto('./')
    const sa = 'ad\u202enimda'
    await paste(
      page,
      token(
        '{"alg":"RS256"}',
        JSON.stringify({
          exp: 4102444800,
          iat: 4102441200,
          iss: 'https://kubernetes.default.svc',
          sub: `system:serviceaccount:default:${sa}`,
          'kubernetes.io': { namespace: 'default', serviceaccount: { name: sa, uid: 'u' } },
        }),
      ),
    )
    await unfold(page, 'Identity, shape, provider')
    await expect(page.locator('[data-testid=advice-withheld]').first()).toBeVisible()
    await expect(page.locator('[data-testid=claim][data-path="/sub"] [data-code=DISPLAY_BIDI_CONTROL]')).toBeVisible()
    const result = await new AxeBuilder({ page })
      .include('[data-testid=kubernetes-panel]')
      .include('[role=tabpanel]:has([data-testid=claim][data-path])')
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
      .analyze()
    expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([])
  })
}
