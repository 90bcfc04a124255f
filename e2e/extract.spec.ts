import { readFileSync } from 'node:fs'
import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'
import { expect, fixtureToken, paste, test } from './fixtures.ts'

const secretYaml = readFileSync(new URL('../src/test/secret-explicit-sa-token.yaml', import.meta.url), 'utf8')
const legacy = fixtureToken('seed-legacy-explicit-secret-v1.24')
const pod = fixtureToken('seed-bound-pod-v1.24')
const hs256 = fixtureToken('rfc7515-a1-hs256')
const kubeconfig = `apiVersion: v1
kind: Config
current-context: prod
clusters:
- name: kind-kind
  cluster: {server: https://127.0.0.1:6443}
- name: prod-cluster
  cluster: {server: https://prod.example:6443}
contexts:
- name: kind-kind
  context: {cluster: kind-kind, user: alice}
- name: prod
  context: {cluster: prod-cluster, user: bob}
users:
- name: alice
  user: {token: ${legacy}}
- name: bob
  user: {token: ${pod}}
- name: carol
  user: {token: ${hs256}}
`

const chunk = (requests: string[], name: string) =>
  requests.filter((u) => new RegExp(`/assets/${name}-[^/]+\\.js$`).test(u))

async function dropFile(page: Page, name: string, text: string) {
  const dataTransfer = await page.evaluateHandle(
    ([n, t]) => {
      const dt = new DataTransfer()
      dt.items.add(new File([t as string], n as string, { type: 'text/plain' }))
      return dt
    },
    [name, text],
  )
  await page.getByTestId('token-input').dispatchEvent('dragover', { dataTransfer })
  await page.getByTestId('token-input').dispatchEvent('drop', { dataTransfer })
}

async function expectNoViolations(page: Page) {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze()
  expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([])
}

test.beforeEach(async ({ page }) => {
  await page.goto('./')
})

test('a pasted Secret YAML shows its legacy token, decoded, and the paste stays as typed', async ({ page, guards }) => {
  await paste(page, secretYaml)
  const from = page.getByTestId('extracted-from')
  await expect(from).toHaveAttribute('data-source', 'secret')
  await expect(from).toHaveText('Found in Secret default/explicit-sa-token, data.token, base64-decoded.')
  await expect(page.getByTestId('token-kind')).toHaveAttribute('data-kind', 'k8s-legacy')
  await expect(
    page.locator('[data-testid=claim][data-path="/kubernetes.io~1serviceaccount~1secret.name"]'),
  ).toContainText('explicit-sa-token')
  await expect(page.getByTestId('extraction-context')).toContainText('sa-token-demo')
  await expect(page.getByTestId('extraction-context')).toContainText('present (not parsed)')
  await expect(page.locator('[data-testid=diagnostic][data-code=SECRET_CLAIMS_MATCH]')).toHaveAttribute(
    'data-severity',
    'info',
  )
  await expect(page.getByTestId('token-input')).toHaveValue(secretYaml)
  expect(chunk(guards.requests, 'yaml')).toHaveLength(1)
})

test('a Secret whose annotation disagrees with the token is flagged on the claim row', async ({ page }) => {
  await paste(
    page,
    secretYaml.replace(
      'kubernetes.io/service-account.name: sa-token-demo',
      'kubernetes.io/service-account.name: intruder',
    ),
  )
  const row = page.locator('[data-testid=claim][data-path="/kubernetes.io~1serviceaccount~1service-account.name"]')
  await expect(row.locator('[data-testid=diagnostic][data-code=SECRET_CLAIM_MISMATCH]')).toHaveAttribute(
    'data-severity',
    'warning',
  )
})

test('a dropped kubeconfig offers its users, current context first, and a user can be picked', async ({ page }) => {
  await dropFile(page, 'config', kubeconfig)
  await expect(page.getByTestId('token-input')).toHaveValue(kubeconfig)
  await expect(page.getByRole('status')).toContainText('Read config')
  const from = page.getByTestId('extracted-from')
  await expect(from).toHaveAttribute('data-source', 'kubeconfig')
  await expect(from).toContainText('user "bob", used by context "prod" (current)')
  const picker = page.getByTestId('token-candidates')
  await expect(picker.locator('option')).toHaveText(['user "bob" (current context)', 'user "alice"', 'user "carol"'])
  await expect(page.locator('[data-testid=claim][data-path="/kubernetes.io/pod/name"]')).toContainText('busybox')
  await picker.selectOption({ label: 'user "alice"' })
  await expect(from).toContainText(
    'user "alice", used by context "kind-kind" on cluster "kind-kind". (2 of 3 tokens found)',
  )
  await expect(
    page.locator('[data-testid=claim][data-path="/kubernetes.io~1serviceaccount~1secret.name"]'),
  ).toContainText('explicit-sa-token')
  // Editing the paste starts over with the first user.
  await page.getByTestId('token-input').press('End')
  await page.getByTestId('token-input').press('Enter')
  await expect(from).toContainText('user "bob"')
})

test('a token file can be opened with the file picker, and a file over 1 MB is not read', async ({ page }) => {
  await page
    .getByTestId('file-input')
    .setInputFiles({ name: 'token', mimeType: 'text/plain', buffer: Buffer.from(`${hs256}\n`) })
  await expect(page.getByTestId('extracted-from')).toHaveAttribute('data-source', 'raw')
  await expect(page.getByTestId('token-kind')).toHaveAttribute('data-kind', 'jwt')
  await page
    .getByTestId('file-input')
    .setInputFiles({ name: 'huge.log', mimeType: 'text/plain', buffer: Buffer.alloc(2 * 1024 * 1024, 'a') })
  await expect(page.getByRole('status')).toHaveText('huge.log is 2.0 MB; files above 1 MB are not read.')
  await expect(page.getByTestId('token-input')).toHaveValue(`${hs256}\n`)
})

test('a curl line is searched for its Authorization header', async ({ page }) => {
  await paste(
    page,
    `curl -sS -H 'Accept: application/json' -H "Authorization: Bearer ${hs256}" https://api.example.com/things`,
  )
  await expect(page.getByTestId('extracted-from')).toHaveAttribute('data-source', 'authorization-header')
  await expect(page.getByTestId('extracted-from')).toContainText('curl command')
  await expect(page.getByTestId('token-kind')).toHaveAttribute('data-kind', 'jwt')
  await expect(page.locator('[data-testid=claim][data-path="/iss"]')).toContainText('joe')
})

test('a token broken over lines is joined, and the repair is reported', async ({ page }) => {
  const broken = `${pod.slice(0, 70)}\n${pod.slice(70, 140)}\n${pod.slice(140)}`
  await paste(page, broken)
  await expect(page.getByTestId('extracted-from')).toHaveAttribute('data-source', 'whitespace-stripped')
  await expect(page.locator('[data-testid=diagnostic][data-code=WHITESPACE_REMOVED]')).toHaveAttribute(
    'data-severity',
    'info',
  )
  await expect(page.locator('[data-testid=claim][data-path="/kubernetes.io/pod/name"]')).toContainText('busybox')
  await expect(page.getByTestId('token-input')).toHaveValue(broken)
})

test('base64 that is not a JWT is rejected with a message', async ({ page }) => {
  await paste(page, Buffer.from('just some words, not a token').toString('base64'))
  await expect(page.locator('[data-testid=diagnostic][data-code=BASE64_NOT_JWT]')).toHaveAttribute(
    'data-severity',
    'error',
  )
  await expect(page.getByTestId('token-kind')).toHaveAttribute('data-kind', 'invalid')
})

test('the extra code loads only when a paste needs it', async ({ page, guards }) => {
  // Neither chunk is in what index.html loads at start (what scripts/check-size.mjs measures).
  const html = await (await page.request.get('./')).text()
  expect(html).not.toMatch(/\/(extractor|yaml)-/)
  await expect.poll(() => chunk(guards.requests, 'index').length).toBe(1)
  await paste(page, `Bearer ${hs256}`)
  await expect(page.getByTestId('extracted-from')).toHaveAttribute('data-source', 'bearer')
  expect(chunk(guards.requests, 'extractor')).toHaveLength(0)
  expect(chunk(guards.requests, 'yaml')).toHaveLength(0)
  await paste(page, `https://app.example/cb#id_token=${hs256}`)
  await expect(page.getByTestId('extracted-from')).toHaveAttribute('data-source', 'url')
  expect(chunk(guards.requests, 'extractor')).toHaveLength(1)
  expect(chunk(guards.requests, 'yaml')).toHaveLength(0)
  await paste(page, `kind: TokenRequest\nstatus:\n  token: ${pod}\n`)
  await expect(page.getByTestId('extracted-from')).toHaveAttribute('data-source', 'token-request')
  await paste(page, secretYaml)
  await expect(page.getByTestId('extracted-from')).toHaveAttribute('data-source', 'secret')
  expect(chunk(guards.requests, 'yaml')).toHaveLength(1)
  expect(chunk(guards.requests, 'extractor')).toHaveLength(1)
})

for (const scheme of ['light', 'dark'] as const) {
  test(`the token picker and Secret details pass axe (${scheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme })
    await paste(page, kubeconfig)
    await expect(page.getByTestId('token-candidates')).toBeVisible()
    await expectNoViolations(page)
    await page.getByTestId('token-candidates').focus()
    await page.keyboard.press('ArrowDown')
    await expect(page.getByTestId('extracted-from')).toContainText('user "alice"')
    await paste(page, secretYaml)
    await expect(page.getByTestId('extraction-context')).toBeVisible()
    await expectNoViolations(page)
  })
}
