import { expect, fixtureToken, paste, test } from './fixtures.ts'

test.beforeEach(async ({ page }) => {
  await page.goto('./')
})

test('nothing is shown for an empty input, and the privacy statement is on screen', async ({ page }) => {
  await expect(page.getByTestId('token-kind')).toHaveCount(0)
  await expect(page.getByText('Your token never leaves this browser')).toBeVisible()
})

test('the seed bound token decodes into header and claim rows', async ({ page }) => {
  await paste(page, fixtureToken('seed-bound-pod-v1.24'))
  await expect(page.getByTestId('token-kind')).toHaveAttribute('data-kind', 'k8s-bound-pod')
  await expect(page.locator('[data-testid=claim][data-header-path="/alg"]')).toContainText('RS256')
  await expect(page.locator('[data-testid=claim][data-path="/iss"]')).toContainText(
    'https://kubernetes.default.svc.cluster.local',
  )
  await expect(page.locator('[data-testid=claim][data-path="/kubernetes.io/pod/name"]')).toContainText('busybox')
  await expect(page.locator('[data-testid=claim][data-path="/kubernetes.io/serviceaccount/uid"]')).toContainText(
    '8208ff56-0a67-47bb-8175-a198423dacf8',
  )
  await expect(page.locator('[data-testid=claim][data-path="/exp"]')).toContainText('1692445741')
  await expect(page.getByText('Decoded, not verified')).toBeVisible()
})

test('the legacy seed tokens decode, with the flat claim names escaped in the pointer', async ({ page }) => {
  await paste(page, fixtureToken('seed-legacy-v1.20'))
  await expect(
    page.locator('[data-testid=claim][data-path="/kubernetes.io~1serviceaccount~1secret.name"]'),
  ).toContainText('default-token-57llx')
  await paste(page, fixtureToken('seed-legacy-explicit-secret-v1.24'))
  await expect(
    page.locator('[data-testid=claim][data-path="/kubernetes.io~1serviceaccount~1service-account.name"]'),
  ).toContainText('sa-token-demo')
})

test('a truncated token names the missing part', async ({ page }) => {
  const [h, p] = fixtureToken('rfc7515-a2-rs256').split('.')
  await paste(page, `${h}.${p}`)
  await expect(page.getByTestId('token-kind')).toHaveAttribute('data-kind', 'invalid')
  const d = page.locator('[data-testid=diagnostic][data-code=SEGMENT_COUNT]')
  await expect(d).toHaveAttribute('data-severity', 'error')
  await expect(d).toContainText('signature part is missing')
  // What could be decoded is still shown.
  await expect(page.locator('[data-testid=claim][data-path="/iss"]')).toContainText('joe')
})

test('a character outside base64url is reported with its position and highlighted', async ({ page }) => {
  const token = fixtureToken('rfc7515-a3-es256')
  const broken = token.slice(0, 10) + '!' + token.slice(11)
  await paste(page, broken)
  await expect(page.getByTestId('token-kind')).toHaveAttribute('data-kind', 'invalid')
  const d = page.locator('[data-testid=diagnostic][data-code=B64_INVALID_CHAR]')
  await expect(d).toContainText("'!' (U+0021) at position 11")
  await expect(page.getByTestId('colored-token').locator('mark')).toHaveText('!')
})

test('the JWE example shows its header and says the payload is encrypted', async ({ page }) => {
  await page.getByTestId('example-menu').selectOption({ label: 'Encrypted token (JWE, RFC 7516)' })
  await expect(page.getByTestId('token-kind')).toHaveAttribute('data-kind', 'jwe')
  await expect(page.locator('[data-testid=claim][data-header-path="/enc"]')).toContainText('A256GCM')
  await expect(page.locator('[data-testid=diagnostic][data-code=JWE_ENCRYPTED]')).toBeVisible()
})

test('the unsecured example is flagged', async ({ page }) => {
  await page.getByTestId('example-menu').selectOption({ label: 'Unsecured JWT, alg none (RFC 7519)' })
  await expect(page.getByTestId('token-kind')).toHaveAttribute('data-kind', 'jwt')
  await expect(page.locator('[data-testid=diagnostic][data-code=UNSECURED_JWT]')).toHaveAttribute(
    'data-severity',
    'warning',
  )
})

test('a claim value holding HTML is shown as text and never runs', async ({ page }) => {
  const payload = Buffer.from(
    JSON.stringify({ sub: '<img src=x onerror=alert(1)>', name: '<script>window.__pwned=1</script>' }),
  ).toString('base64url')
  let dialogs = 0
  page.on('dialog', async (d) => {
    dialogs++
    await d.dismiss()
  })
  await paste(page, `eyJhbGciOiJub25lIn0.${payload}.`)
  await expect(page.locator('[data-testid=claim][data-path="/sub"]')).toContainText('<img src=x onerror=alert(1)>')
  await expect(page.locator('img[src=x]')).toHaveCount(0)
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined()
  expect(dialogs).toBe(0)
})

test('a token pasted as a Bearer header is found and the source is named', async ({ page }) => {
  await paste(page, `Bearer ${fixtureToken('rfc7515-a2-rs256')}`)
  await expect(page.getByTestId('extracted-from')).toHaveAttribute('data-source', 'bearer')
  await expect(page.getByTestId('token-kind')).toHaveAttribute('data-kind', 'jwt')
})

test('a nested JWT offers to decode the inner token', async ({ page }) => {
  const inner = fixtureToken('rfc7515-a3-es256')
  const b64 = (s: string) => Buffer.from(s).toString('base64url')
  await paste(page, `${b64('{"alg":"HS256","cty":"JWT"}')}.${b64(inner)}.c2lnbmF0dXJl`)
  await expect(page.locator('[data-testid=diagnostic][data-code=NESTED_JWT]')).toBeVisible()
  await page.getByRole('button', { name: 'Decode the inner token' }).click()
  await expect(page.getByTestId('token-input')).toHaveValue(inner)
  await expect(page.locator('[data-testid=claim][data-header-path="/alg"]')).toContainText('ES256')
})

test('the layout works at phone width', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 800 })
  await paste(page, fixtureToken('seed-bound-pod-v1.24'))
  await expect(page.locator('[data-testid=claim][data-path="/kubernetes.io/pod/name"]')).toBeVisible()
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  )
  expect(overflow).toBeLessThanOrEqual(0)
})

test('an SD-JWT shows its disclosures', async ({ page }) => {
  const b64 = (s: string) => Buffer.from(s).toString('base64url')
  await paste(page, `${fixtureToken('rfc7515-a3-es256')}~${b64('["salt1","given_name","John"]')}~`)
  await expect(page.getByTestId('token-kind')).toHaveAttribute('data-kind', 'jwt')
  await expect(page.locator('[data-testid=diagnostic][data-code=SD_JWT]')).toBeVisible()
  await expect(page.getByTestId('disclosure')).toContainText('given_name')
  await expect(page.getByTestId('disclosure')).toContainText('John')
})
