import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parseAllDocuments, parse } from 'yaml'
import { cspString } from '../build/csp.ts'
import { configMap, metaCsp, nginxConfig, pageOf } from './make-k8s-configmap.mjs'

describe('deploy/nginx/jwt-explorer.conf', () => {
  const conf = readFileSync('deploy/nginx/jwt-explorer.conf', 'utf8')

  it("sends the page's own CSP as a header, plus frame-ancestors", () => {
    const header = /add_header Content-Security-Policy "([^"]+)" always;/.exec(conf)?.[1]
    expect(header).toBe(`${cspString()}; frame-ancestors 'none'`)
  })

  it('compresses scripts, styles and JSON, and never caches an error as immutable', () => {
    const types = /gzip_types ([^;]+);/.exec(conf)?.[1]?.split(/\s+/) ?? []
    for (const t of ['text/css', 'application/javascript', 'application/json', 'application/manifest+json'])
      expect(types).toContain(t)
    expect(conf).toMatch(/^\s*gzip on;/m)
    const map = /map "\$status \$uri" \$jwt_explorer_cache_control \{([^}]*)\}/.exec(conf)?.[1] ?? ''
    expect(map).toMatch(/"~\^\[45\]"\s+"no-store";/)
    expect(map).toMatch(/"~\^\(200\|206\|304\) \.\*\/assets\/"\s+"public, max-age=31536000, immutable";/)
  })

  it('sets no header inside a location, where it would drop the server-level ones', () => {
    const locations = conf.replace(/#.*$/gm, '').match(/^\s*location\b[^{]*\{[^}]*\}/gm) ?? []
    expect(locations.length).toBeGreaterThan(0)
    for (const block of locations) expect(block).not.toContain('add_header')
  })
})

describe('Kubernetes manifest and ConfigMap', () => {
  const docs = parseAllDocuments(readFileSync('deploy/kubernetes/jwt-explorer.yaml', 'utf8')).map((d) => d.toJS())

  it('mounts the ConfigMap that the script generates, with a stock nginx image', () => {
    const deployment = docs.find((d) => d.kind === 'Deployment')
    const pod = deployment.spec.template.spec
    expect(pod.containers[0].image).toMatch(/^nginx:/)
    const names = pod.volumes
      .filter((v: { configMap?: { name: string } }) => v.configMap)
      .map((v: { configMap: { name: string } }) => v.configMap.name)
    expect(new Set(names)).toEqual(new Set(['jwt-explorer-site']))
    expect(parse(configMap('<meta http-equiv="Content-Security-Policy" content="x">')).metadata.name).toBe(
      'jwt-explorer-site',
    )
    expect(docs.find((d) => d.kind === 'Service').spec.ports[0].targetPort).toBe('http')
    // Every file the pod mounts is a key the script writes.
    const generated = parse(configMap('<meta http-equiv="Content-Security-Policy" content="x">'))
    const keys = [...Object.keys(generated.data), ...Object.keys(generated.binaryData)]
    const mounted = pod.volumes.flatMap((v: { configMap?: { items: { key: string }[] } }) =>
      (v.configMap?.items ?? []).map((i) => i.key),
    )
    expect(mounted.sort()).toEqual(keys.sort())
  })

  it('keeps the page byte for byte and puts its CSP, with hashes, in the nginx header', () => {
    const html = `<meta http-equiv="Content-Security-Policy" content="script-src &#39;sha256-abc=&#39;">\n<p>  trailing spaces  \n\ttab</p>\n`
    const map = parse(configMap(html))
    expect(pageOf(map)).toBe(html)
    // Only the compressed page: nginx must never find a stale plain copy beside it.
    expect(Object.keys(map.data)).toEqual(['default.conf'])
    expect(Object.keys(map.binaryData)).toEqual(['index.html.gz'])
    expect(metaCsp(html)).toBe("script-src 'sha256-abc='")
    expect(nginxConfig(metaCsp(html))).toContain(
      `add_header Content-Security-Policy "script-src 'sha256-abc='; frame-ancestors 'none'" always;`,
    )
  })
})
