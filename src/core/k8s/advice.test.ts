import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { k8s, fixturePayload } from '../../test/k8sClaims.ts'
import { boundClaims, legacyClaims } from '../../test/k8sTokens.ts'
import { shellWords } from '../../test/shellWords.ts'
import type { KubernetesClaims } from './claims.ts'
import { kubernetesAdvice, type AdviceItem } from './advice.ts'

const byId = (c: KubernetesClaims) => Object.fromEntries(kubernetesAdvice(c).map((a) => [a.id, a]))
const commands = (c: KubernetesClaims) => Object.fromEntries(kubernetesAdvice(c).map((a) => [a.id, a.command]))

describe('kubernetesAdvice', () => {
  it('a legacy token: risk, replacement, last use, revocation', () => {
    const cmd = commands(k8s(fixturePayload('seed-legacy-explicit-secret-v1.24')))
    expect(cmd['replace-create-token']).toBe('kubectl create token -n default --duration 1h -- sa-token-demo')
    expect(cmd['legacy-last-used']).toBe(
      "kubectl get secret -n default -o jsonpath='{.metadata.labels.kubernetes\\.io/legacy-token-last-used}' -- explicit-sa-token",
    )
    expect(cmd['legacy-revoke']).toBe('kubectl delete secret -n default -- explicit-sa-token')
    expect(cmd['can-i']).toBe('kubectl auth can-i --list -n default --as=system:serviceaccount:default:sa-token-demo')
    expect(Object.keys(cmd)).toContain('legacy-risk')
    expect(cmd['reissue']).toBeUndefined()
  })

  it('every token: can-i, the account uid, and the cluster keys', () => {
    const cmd = commands(k8s(fixturePayload('seed-bound-pod-v1.24')))
    expect(cmd['can-i']).toBe('kubectl auth can-i --list -n default --as=system:serviceaccount:default:default')
    expect(cmd['check-bound-object']).toBe("kubectl get pod -n default -o jsonpath='{.metadata.uid}' -- busybox")
    expect(cmd['jwks']).toBe('kubectl get --raw /openid/v1/jwks')
    expect(cmd['discovery']).toBe('kubectl get --raw /.well-known/openid-configuration')
    // The extended token was requested for 3607 s; its one-year exp is not copied.
    expect(cmd['reissue']).toBe(
      'kubectl create token -n default --bound-object-kind Pod --bound-object-name busybox --duration 3607s -- default',
    )
  })

  it('a node-bound token checks the node, which has no namespace', () => {
    const cmd = commands(k8s(boundClaims({ ns: 'agents', sa: 'probe', node: { name: 'worker-1', uid: 'n-uid' } })))
    expect(cmd['check-bound-object']).toBe("kubectl get node -o jsonpath='{.metadata.uid}' -- worker-1")
    expect(cmd['reissue']).toBe(
      'kubectl create token -n agents --bound-object-kind Node --bound-object-name worker-1 --duration 3600s -- probe',
    )
  })

  it('a secret-bound token for another audience, written as --audience=, quoted', () => {
    const cmd = commands(
      k8s(boundClaims({ secret: { name: 'vault-auth', uid: 's-uid' }, aud: ['vault', 'my app'], lifetime: 7200 })),
    )
    expect(cmd['check-bound-object']).toBe("kubectl get secret -n default -o jsonpath='{.metadata.uid}' -- vault-auth")
    expect(cmd['reissue']).toBe(
      "kubectl create token -n default --audience=vault --audience='my app' --bound-object-kind Secret --bound-object-name vault-auth --duration 7200s -- builder",
    )
  })

  it('leaves placeholders for names the token does not carry', () => {
    const c = k8s(boundClaims())
    delete c.namespace
    expect(commands(c)['can-i']).toBe(
      "kubectl auth can-i --list -n '<namespace>' --as=system:serviceaccount:'<namespace>':builder",
    )
  })

  it('a Secret named --all gets no revoke command, and the step says which field breaks which rule', () => {
    const items = byId(k8s(legacyClaims({ ns: 'kube-system', secret: '--all' })))
    for (const id of ['legacy-revoke', 'legacy-last-used']) {
      expect(items[id]?.command).toBeUndefined()
      expect(items[id]?.withheld).toBe(
        'No command is shown: The Secret name in the token, "--all", is not a valid Secret name: Kubernetes requires a DNS-1123 subdomain: lowercase letters, digits, "-" and ".", each dot-separated part starting and ending with a letter or digit, at most 253 characters, and it is not a DNS-1123 subdomain. A command built from such a value could do something other than what it says.',
      )
    }
    // Steps that do not use the Secret name keep their commands.
    expect(items['can-i']?.command).toBe(
      'kubectl auth can-i --list -n kube-system --as=system:serviceaccount:kube-system:builder',
    )
  })

  it('a service account named --server=https://attacker… gets no command that would contact it', () => {
    const items = kubernetesAdvice(k8s(boundClaims({ sa: '--server=https://attacker.example', pod: { name: 'web' } })))
    for (const a of items) expect(a.command ?? '').not.toContain('attacker')
    const withheld = items.filter((a) => a.withheld).map((a) => a.id)
    expect(withheld).toEqual(['can-i', 'check-service-account', 'reissue'])
    expect(items.find((a) => a.id === 'can-i')?.withheld).toContain(
      'The service account name in the token, "--server=https://attacker.example", is not a valid service account name',
    )
  })

  it('refuses an audience with characters that would not show, and a namespace with dots', () => {
    const items = byId(k8s(boundClaims({ ns: 'a.b', aud: ['vault\u202e'] })))
    expect(items['can-i']?.withheld).toContain('is not a valid namespace name: Kubernetes requires a DNS-1123 label')
    expect(items['can-i']?.withheld).toContain('it contains dots')
    const reissue = byId(k8s(boundClaims({ aud: ['vault\u202e'] })))['reissue']
    expect(reissue?.withheld).toContain('"vault⟨U+202E⟩", contains characters that would not show')
  })

  it('quotes the uid it asks the user to compare, with hidden characters made visible', () => {
    const items = byId(k8s(boundClaims({ pod: { name: 'web', uid: 'u\u200bid' } })))
    expect(items['check-bound-object']?.explanation).toContain('The uid printed must be "u⟨U+200B⟩id"')
  })
})

// Options the templates write; a word before "--" that starts with "-" must be one of these.
const TEMPLATE_OPTIONS = new Set([
  '-n',
  '-o',
  '-A',
  '-L',
  '--list',
  '--raw',
  '-f',
  '--duration',
  '--field-selector',
  '--bound-object-kind',
  '--bound-object-name',
])
const TEMPLATE_PREFIXES = ['--as=system:serviceaccount:', '--audience=']

/** Builds claims from arbitrary strings in every field that can reach advice. */
const anyText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.constantFrom('--all', '--server=https://attacker.example', '-n', '$(id)', "'; rm -rf ~ #", 'a b', 'ok-name', ''),
)
const claimsArb = fc
  .record({
    legacy: fc.boolean(),
    ns: fc.option(anyText, { nil: undefined }),
    sa: fc.option(anyText, { nil: undefined }),
    saUid: fc.option(anyText, { nil: undefined }),
    secretName: fc.option(anyText, { nil: undefined }),
    bound: fc.constantFrom('pod', 'secret', 'node', 'validating', 'mutating', undefined),
    group: anyText,
    boundName: anyText,
    boundUid: fc.option(anyText, { nil: undefined }),
    aud: fc.array(fc.oneof(anyText, fc.constant('123456789012.dkr.ecr.us-east-1.amazonaws.com')), { maxLength: 3 }),
    iss: fc.option(anyText, { nil: undefined }),
    jti: fc.option(anyText, { nil: undefined }),
    iat: fc.integer({ min: 0, max: 2e9 }),
    lifetime: fc.integer({ min: -10, max: 1e8 }),
  })
  .map((r): KubernetesClaims => {
    const c: KubernetesClaims = {
      shape: r.legacy ? 'legacy' : 'bound',
      mixed: false,
      serviceAccount: {},
      otherRefs: [],
      webhooks: [],
      aud: r.aud,
      iat: r.iat,
      exp: r.iat + r.lifetime,
    }
    if (r.ns !== undefined) c.namespace = r.ns
    if (r.sa !== undefined) c.serviceAccount.name = r.sa
    if (r.saUid !== undefined) c.serviceAccount.uid = r.saUid
    if (r.iss !== undefined) c.iss = r.iss
    if (r.jti !== undefined) c.jti = r.jti
    if (r.legacy && r.secretName !== undefined) c.secretName = r.secretName
    const ref = r.boundUid === undefined ? { name: r.boundName } : { name: r.boundName, uid: r.boundUid }
    const bound = r.legacy ? undefined : r.bound
    if (bound === 'validating' || bound === 'mutating') {
      c.webhooks = [{ kind: bound, ref, member: `${bound}webhookconfiguration` }]
      c.attestations = { member: 'attestations', value: { admissionReviewAPIGroups: [r.group] } }
    } else if (bound) c[bound] = ref
    return c
  })

function checkShellItem(a: AdviceItem) {
  const argv = a.argv as string[]
  // The shell reads back exactly the words the template meant (nothing split, joined or expanded).
  expect(shellWords(a.command as string)).toEqual(argv)
  const dash = argv.indexOf('--')
  for (const [i, w] of argv.entries()) {
    if (i === 0) expect(w).toBe('kubectl')
    else if (w.startsWith('-') && (dash < 0 || i < dash) && w !== '--')
      expect(TEMPLATE_OPTIONS.has(w) || TEMPLATE_PREFIXES.some((p) => w.startsWith(p)), `${w} in ${a.command}`).toBe(
        true,
      )
  }
  // No value from the token may carry characters that hide or reorder text.
  expect(a.command).not.toMatch(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Default_Ignorable_Code_Point}]/u)
}

/** A manifest with token values: they come back unchanged when it is read, and none hides characters. */
function checkManifest(a: AdviceItem, c: KubernetesClaims) {
  const text = a.command as string
  expect(text).not.toMatch(/(?!\n)[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Default_Ignorable_Code_Point}]/u)
  if (a.id === 'webhook-token-request') {
    const body = JSON.parse(text) as { spec: { boundObjectRef: { name: string; uid?: string }; audiences: string[] } }
    // An empty uid binds to no particular object, so the manifest leaves it out.
    const { uid, ...ref } = c.webhooks[0]?.ref ?? {}
    expect(body.spec.boundObjectRef).toMatchObject(uid ? { ...ref, uid } : ref)
    if (!uid) expect(body.spec.boundObjectRef.uid).toBeUndefined()
    expect(body.spec.audiences).toEqual(c.aud.slice(0, 1))
  } else {
    expect(a.id).toBe('image-pull-audience')
    // The audience and the account each sit inside one JSON string, which YAML reads the same.
    expect(text).toContain(`resources: [${JSON.stringify(c.aud[0])}]`)
  }
}

describe('commands built from hostile tokens (property)', () => {
  it('never contain an option the template did not write, and read back into exactly the template’s words', () => {
    const yaml = kubernetesAdvice(k8s(legacyClaims())).find((a) => a.language === 'yaml')?.command
    fc.assert(
      fc.property(claimsArb, (c) => {
        for (const a of kubernetesAdvice(c)) {
          if (a.command === undefined) {
            expect(a.argv).toBeUndefined()
            continue
          }
          expect(a.withheld).toBeUndefined()
          // The projected-volume manifest is the template's alone: no value from the token goes into it.
          if (a.id === 'replace-projected') expect(a.command).toBe(yaml)
          else if (a.language === 'yaml') checkManifest(a, c)
          else checkShellItem(a)
        }
      }),
      { numRuns: 3000 },
    )
  })
})
