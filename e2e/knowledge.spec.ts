import AxeBuilder from '@axe-core/playwright'
import { generateKeyPair, SignJWT } from 'jose'
import { expect, fixtureToken, paste, test } from './fixtures.ts'

const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47'

async function entraToken(iss: string): Promise<string> {
  const { privateKey } = await generateKeyPair('RS256')
  return new SignJWT({
    aud: 'api://my-api',
    tid: TENANT,
    oid: '00000000-0000-0000-66f3-3332eca7ea81',
    roles: ['Reader'],
    ver: '2.0',
  })
    .setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid: 'k1' })
    .setIssuer(iss)
    .setSubject('AAAAAAAAAAAAAAAAAAAAAIkzqFVrSaSaFHy782bbtaQ')
    .setIssuedAt(1_700_000_000)
    .setExpirationTime(1_700_003_600)
    .sign(privateKey)
}

test('every claim of the OIDC Core ID token is explained, with a spec link that opens a new tab', async ({
  page,
  guards,
}) => {
  await page.goto('./')
  await paste(page, fixtureToken('oidc-core-a2-id-token'))
  const rows = page.locator('[data-testid=claim][data-path]')
  await expect(rows.first().getByTestId('claim-meaning').first()).toBeAttached()
  const count = await rows.count()
  expect(count).toBeGreaterThanOrEqual(10)
  for (let i = 0; i < count; i++) {
    const row = rows.nth(i)
    const meaning = row.getByTestId('claim-meaning').first()
    await expect(meaning, `row ${await row.getAttribute('data-path')}`).toHaveAttribute('data-origin', 'registered')
    await expect(meaning.getByTestId('claim-description')).not.toBeEmpty()
    const link = meaning.getByTestId('claim-spec')
    await expect(link).toHaveAttribute('target', '_blank')
    await expect(link).toHaveAttribute('rel', 'noopener noreferrer')
    await expect(link).toHaveAttribute('href', /^https:\/\//)
  }
  await expect(page.locator('[data-path="/nonce"]')).toContainText('compare it with the value it sent')
  // The header is explained too, including the algorithm its alg names.
  const alg = page.locator('[data-header-path="/alg"]')
  await expect(alg).toContainText('Algorithm')
  await expect(alg).toContainText('RS256: RSASSA-PKCS1-v1_5 with SHA-256')
  await expect(page.locator('[data-header-path="/kid"]')).toContainText('Key ID')
  // Nothing was fetched from the spec sites or the issuer.
  expect(guards.requests.filter((u) => !u.startsWith('http://127.0.0.1'))).toEqual([])
})

test('an Entra token shows what tid and oid mean, and roles keeps its registered meaning', async ({ page }) => {
  await page.goto('./')
  await paste(page, await entraToken(`https://login.microsoftonline.com/${TENANT}/v2.0`))
  const tid = page.locator('[data-path="/tid"]')
  await expect(tid).toContainText('Tenant ID')
  await expect(tid).toContainText('Microsoft Entra ID')
  await expect(tid).toContainText('personal Microsoft account')
  const oid = page.locator('[data-path="/oid"]')
  await expect(oid).toContainText('Object ID')
  await expect(oid).toContainText('stays the same across all applications')
  const roles = page.locator('[data-path="/roles"]').getByTestId('claim-meaning')
  await expect(roles).toHaveCount(2)
  await expect(roles.nth(0)).toHaveAttribute('data-origin', 'registered')
  await expect(roles.nth(1)).toHaveAttribute('data-origin', 'provider')
  await expect(roles.nth(1)).toContainText('App roles (Entra)')
})

test('the same claims from another issuer are private claims', async ({ page }) => {
  await page.goto('./')
  await paste(page, await entraToken('https://idp.example.com'))
  const tid = page.locator('[data-path="/tid"]')
  await expect(tid.getByTestId('claim-meaning')).toHaveAttribute('data-origin', 'private')
  await expect(tid).toContainText('private claim')
  await expect(page.locator('[data-path="/roles"]').getByTestId('claim-meaning')).toHaveCount(1)
})

test('alg none is flagged on the alg row, and URL-named claims are collision-resistant names', async ({ page }) => {
  await page.goto('./')
  await paste(page, fixtureToken('rfc7519-6.1-unsecured'))
  const alg = page.locator('[data-header-path="/alg"]')
  await expect(alg.locator('[data-testid=diagnostic][data-code=ALG_NONE]')).toHaveAttribute('data-severity', 'warning')
  await expect(alg).toContainText('none: No signature (unsecured)')
  const custom = page.locator('[data-path="/http:~1~1example.com~1is_root"]')
  await expect(custom).toContainText('collision-resistant name')
})

test('an ordinary RS256 token raises no header warning', async ({ page }) => {
  await page.goto('./')
  await paste(page, fixtureToken('rfc7515-a2-rs256'))
  await expect(page.locator('[data-path="/iss"]').getByTestId('claim-meaning')).toBeAttached()
  await expect(page.locator('[data-header-path] [data-testid=diagnostic]')).toHaveCount(0)
})

test('the filter box narrows the rows by name, title or value', async ({ page }) => {
  await page.goto('./')
  await paste(page, fixtureToken('oidc-core-a2-id-token'))
  const filter = page.getByTestId('claim-filter')
  const payloadRows = page.locator('[data-testid=claim][data-path]')
  await expect(page.locator('[data-path="/exp"]').getByTestId('claim-meaning')).toBeAttached()
  const all = await payloadRows.count()
  await filter.fill('expiration')
  await expect(payloadRows).toHaveCount(1)
  await expect(payloadRows).toHaveAttribute('data-path', '/exp')
  await expect(page.locator('[data-header-path]')).toHaveCount(0)
  await filter.fill('janedoe@')
  await expect(payloadRows).toHaveCount(1)
  await expect(payloadRows).toHaveAttribute('data-path', '/email')
  await filter.fill('given')
  await expect(payloadRows).toHaveAttribute('data-path', '/given_name')
  await filter.fill('')
  await expect(payloadRows).toHaveCount(all)
})

for (const scheme of ['light', 'dark'] as const) {
  test(`explained rows and the filter pass axe (${scheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme })
    await page.goto('./')
    await paste(page, fixtureToken('rfc7519-6.1-unsecured'))
    await expect(page.locator('[data-header-path="/alg"] [data-code=ALG_NONE]')).toBeVisible()
    await page.getByTestId('claim-filter').fill('iss')
    const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze()
    expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([])
  })
}

test('claims and algorithms of the registry pack are explained once it arrives, never as private', async ({ page }) => {
  await page.goto('./')
  const header = { alg: 'none' }
  const payload = { sub: 'caller', sip_callid: '12345@example.com', ueid: 'AgAEizrK3Q' }
  const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url')
  await paste(page, `${b64(header)}.${b64(payload)}.`)
  for (const name of ['sip_callid', 'ueid']) {
    const meaning = page.locator(`[data-testid=claim][data-path="/${name}"]`).getByTestId('claim-meaning').first()
    await expect(meaning).toHaveAttribute('data-origin', 'registered')
    await expect(meaning.getByTestId('claim-spec')).toHaveAttribute('href', /rfc-editor\.org\/rfc\/rfc(8055|9711)/)
  }
  await expect(
    page.locator('[data-testid=claim][data-path="/sub"]').getByTestId('claim-meaning').first(),
  ).toHaveAttribute('data-origin', 'registered')
})
