import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parse } from 'yaml'
import { configMap, pageOf } from '../scripts/make-k8s-configmap.mjs'
import { expect, fixtureToken, paste, test } from './fixtures.ts'
import { NGINX_K8S_PORT, NGINX_PORT } from './ports.ts'
import { requireBuild, startNginx, type Served } from './servers.ts'

// Debian's nginx serves the builds with the configs in deploy/, as an operator would.

const SECURITY_HEADERS = {
  'referrer-policy': 'no-referrer',
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
}

test.describe('nginx with deploy/nginx/jwt-explorer.conf', () => {
  let server: Served
  test.beforeAll(async () => {
    server = await startNginx(
      readFileSync('deploy/nginx/jwt-explorer.conf', 'utf8'),
      requireBuild('dist', 'npx vite build'),
      NGINX_PORT,
    )
  })
  test.afterAll(async () => server?.close())

  test('sends the security headers and the right cache policy for each kind of file', async ({ request }) => {
    const index = await request.get(server.url)
    expect(index.status()).toBe(200)
    const h = index.headers()
    expect(h).toMatchObject(SECURITY_HEADERS)
    expect(h['content-security-policy']).toContain("frame-ancestors 'none'")
    expect(h['content-security-policy']).toContain("script-src 'self'")
    expect(h['content-security-policy']).not.toContain('unsafe-inline')
    expect(h['cache-control']).toBe('no-cache')
    expect(h['server']).toBe('nginx')
    const html = await index.text()
    const asset = /src="\.\/(assets\/index-[^"]+\.js)"/.exec(html)?.[1]
    expect(asset).toBeDefined()
    const js = await request.get(`${server.url}${asset}`)
    expect(js.headers()['cache-control']).toBe('public, max-age=31536000, immutable')
    // An add_header inside a location would have dropped these: check they survive on assets too.
    expect(js.headers()).toMatchObject(SECURITY_HEADERS)
    expect(js.headers()['content-type']).toMatch(/javascript/)
    const sw = await request.get(`${server.url}sw.js`)
    expect(sw.headers()['cache-control']).toBe('no-cache')
    const manifest = await request.get(`${server.url}manifest.webmanifest`)
    expect(manifest.headers()['content-type']).toBe('application/manifest+json')
    expect(manifest.headers()).toMatchObject(SECURITY_HEADERS)
    expect((await request.get(`${server.url}missing`)).headers()).toMatchObject(SECURITY_HEADERS)
    // A chunk an earlier deployment had is gone: the 404 is never kept, let alone for a year.
    const gone = await request.get(`${server.url}assets/later-0ld0ld0.js`)
    expect(gone.status()).toBe(404)
    expect(gone.headers()['cache-control']).toBe('no-store')
    expect(gone.headers()).toMatchObject(SECURITY_HEADERS)
  })

  test('sends the page, its scripts, styles and manifest compressed', async ({ request }) => {
    const gzip = { 'accept-encoding': 'gzip' }
    const index = await request.get(server.url, { headers: gzip })
    expect(index.headers()['content-encoding']).toBe('gzip')
    const html = await index.text()
    const files = [...html.matchAll(/(?:src|href)="\.\/((?:assets\/[^"]+\.(?:js|css))|manifest\.webmanifest)"/g)].map(
      (m) => m[1],
    )
    expect(files.some((f) => f?.endsWith('.js'))).toBe(true)
    expect(files.some((f) => f?.endsWith('.css'))).toBe(true)
    expect(files).toContain('manifest.webmanifest')
    for (const file of files) {
      // nginx leaves out what is too small to gain from it (gzip_min_length): a tiny runtime chunk.
      if ((await (await request.get(`${server.url}${file}`)).body()).length < 256) continue
      const res = await request.get(`${server.url}${file}`, { headers: gzip })
      expect(res.headers()['content-encoding'], file).toBe('gzip')
      expect(res.headers()['vary'], file).toContain('Accept-Encoding')
    }
  })

  test('serves a page that decodes a token, with nothing leaving the origin', async ({ page, guards }) => {
    guards.allowedOrigins.push(server.origin)
    await page.goto(server.url)
    await paste(page, fixtureToken('seed-bound-pod-v1.24'))
    await expect(page.locator('[data-testid=claim][data-path="/kubernetes.io/pod/name"]')).toContainText('busybox')
  })
})

test.describe('nginx with the Kubernetes ConfigMap config (single-file build)', () => {
  let server: Served
  let html: string
  let map: { data: Record<string, string>; binaryData: Record<string, string> }
  test.beforeAll(async () => {
    const dir = requireBuild('dist-single', 'npm run build:single')
    html = readFileSync(`${dir}/index.html`, 'utf8')
    map = parse(configMap(html))
    // What the Deployment mounts: the ConfigMap's files, and nothing else.
    const site = mkdtempSync(join(tmpdir(), 'jwt-explorer-site-'))
    writeFileSync(join(site, 'index.html.gz'), Buffer.from(map.binaryData['index.html.gz'] ?? '', 'base64'))
    server = await startNginx(map.data['default.conf'] ?? '', site, NGINX_K8S_PORT)
  })
  test.afterAll(async () => server?.close())

  test('the ConfigMap fits the 1 MiB limit and its header CSP allows exactly the inlined code', async ({
    page,
    guards,
    request,
  }) => {
    expect(Buffer.byteLength(configMap(html))).toBeLessThan(1024 * 1024)
    expect(pageOf(map)).toBe(html)
    const h = (await request.get(server.url)).headers()
    expect(h).toMatchObject(SECURITY_HEADERS)
    expect(h['content-security-policy']).toMatch(/script-src 'sha256-[^']+'; style-src 'sha256-[^']+'/)
    expect(h['content-security-policy']).toContain("frame-ancestors 'none'")
    guards.allowedOrigins.push(server.origin)
    await page.goto(server.url)
    await paste(page, fixtureToken('seed-legacy-v1.20'))
    await expect(
      page.locator('[data-testid=claim][data-path="/kubernetes.io~1serviceaccount~1secret.name"]'),
    ).toContainText('default-token-57llx')
  })

  test('sends the stored gzip as it is, and the page itself to a client that takes no gzip', async ({ request }) => {
    for (const path of ['', 'index.html', 'some/deep/link']) {
      const gz = await request.get(`${server.url}${path}`, { headers: { 'accept-encoding': 'gzip' } })
      expect(gz.status()).toBe(200)
      expect(gz.headers()['content-encoding']).toBe('gzip')
      expect(gz.headers()['content-type']).toMatch(/^text\/html/)
      expect(await gz.text()).toBe(html)
      const plain = await request.get(`${server.url}${path}`, { headers: { 'accept-encoding': 'identity' } })
      expect(plain.status()).toBe(200)
      expect(plain.headers()['content-encoding']).toBeUndefined()
      expect(await plain.text()).toBe(html)
    }
  })
})
