import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { checkNameRule, checkObjectName, NAME_RULE } from './nameRules.ts'
import { isDNS1123Label, isDNS1123Subdomain } from './names.ts'

// Ported from kubernetes/apimachinery pkg/api/validate/content/dns_test.go at
// eed236ceee2c19c2753a3d93ac0631dc20750454 (TestIsDNS1123Label, TestIsDNS1123Subdomain).
// prettier-ignore
const labelGood = [
  'a', 'ab', 'abc', 'a1', 'a-1', 'a--1--2--b',
  '0', '01', '012', '1a', '1-a', '1--a--b--2',
  'a'.repeat(63),
]
// prettier-ignore
const labelBad = [
  '', 'A', 'ABC', 'aBc', 'A1', 'A-1', '1-A',
  '-', 'a-', '-a', '1-', '-1',
  '_', 'a_', '_a', 'a_b', '1_', '_1', '1_2',
  '.', 'a.', '.a', 'a.b', '1.', '.1', '1.2',
  ' ', 'a ', ' a', 'a b', '1 ', ' 1', '1 2',
  'a'.repeat(64),
]
// prettier-ignore
const subdomainGood = [
  'a', 'ab', 'abc', 'a1', 'a-1', 'a--1--2--b',
  '0', '01', '012', '1a', '1-a', '1--a--b--2',
  'a.a', 'ab.a', 'abc.a', 'a1.a', 'a-1.a', 'a--1--2--b.a',
  'a.1', 'ab.1', 'abc.1', 'a1.1', 'a-1.1', 'a--1--2--b.1',
  '0.a', '01.a', '012.a', '1a.a', '1-a.a', '1--a--b--2',
  '0.1', '01.1', '012.1', '1a.1', '1-a.1', '1--a--b--2.1',
  'a.b.c.d.e', 'aa.bb.cc.dd.ee', '1.2.3.4.5', '11.22.33.44.55',
  'a'.repeat(253),
]
// prettier-ignore
const subdomainBad = [
  '', 'A', 'ABC', 'aBc', 'A1', 'A-1', '1-A',
  '-', 'a-', '-a', '1-', '-1',
  '_', 'a_', '_a', 'a_b', '1_', '_1', '1_2',
  '.', 'a.', '.a', 'a..b', '1.', '.1', '1..2',
  ' ', 'a ', ' a', 'a b', '1 ', ' 1', '1 2',
  'A.a', 'aB.a', 'ab.A', 'A1.a', 'a1.A',
  'A.1', 'aB.1', 'A1.1', '1A.1',
  '0.A', '01.A', '012.A', '1A.a', '1a.A',
  'A.B.C.D.E', 'AA.BB.CC.DD.EE', 'a.B.c.d.e', 'aa.bB.cc.dd.ee',
  'a@b', 'a,b', 'a_b', 'a;b',
  'a:b', 'a%b', 'a?b', 'a$b',
  'a'.repeat(254),
]

describe('Kubernetes name rules (upstream test tables)', () => {
  it.each(labelGood)('label %s is valid', (v) => expect(isDNS1123Label(v)).toBe(true))
  it.each(labelBad)('label %j is invalid', (v) => expect(isDNS1123Label(v)).toBe(false))
  it.each(subdomainGood)('subdomain %s is valid', (v) => expect(isDNS1123Subdomain(v)).toBe(true))
  it.each(subdomainBad)('subdomain %j is invalid', (v) => expect(isDNS1123Subdomain(v)).toBe(false))
})

describe('the start-up predicates and the checks that explain', () => {
  it.each([...labelBad, ...subdomainBad])('checkNameRule rejects %j as the tables say', (v) => {
    expect(checkNameRule('dns1123-subdomain', v).length > 0).toBe(!isDNS1123Subdomain(v))
    expect(checkNameRule('dns1123-label', v).length > 0).toBe(!isDNS1123Label(v))
  })

  it('agree on any string (property)', () => {
    const near = fc.string({ unit: fc.constantFrom('a', 'z', '0', '-', '.', 'A', '_', 'é', '😀'), maxLength: 300 })
    fc.assert(
      fc.property(fc.oneof(near, fc.string({ unit: 'binary' })), (v) => {
        expect(checkNameRule('dns1123-label', v).length === 0).toBe(isDNS1123Label(v))
        expect(checkNameRule('dns1123-subdomain', v).length === 0).toBe(isDNS1123Subdomain(v))
      }),
      { numRuns: 2000 },
    )
  })
})

describe('which rule holds for which name', () => {
  it('namespaces are labels; service accounts, Secrets, pods, nodes and webhook configurations are subdomains (k/k validation.go)', () => {
    expect(NAME_RULE).toEqual({
      namespace: 'dns1123-label',
      serviceaccount: 'dns1123-subdomain',
      secret: 'dns1123-subdomain',
      pod: 'dns1123-subdomain',
      node: 'dns1123-subdomain',
      validatingwebhookconfiguration: 'dns1123-subdomain',
      mutatingwebhookconfiguration: 'dns1123-subdomain',
    })
    expect(checkObjectName('namespace', 'kube.system')).toEqual({
      ok: false,
      rule: 'dns1123-label',
      problems: ['it contains dots'],
    })
    expect(checkObjectName('pod', 'web.default')).toEqual({ ok: true })
  })

  it('says what is wrong, counting the length in bytes as Go does', () => {
    expect(checkNameRule('dns1123-subdomain', '--all')).toEqual(['it is not a DNS-1123 subdomain'])
    expect(checkNameRule('dns1123-label', '')).toEqual(['it is empty'])
    expect(checkNameRule('dns1123-label', 'a'.repeat(64))).toEqual(['it is longer than 63 bytes'])
    expect(checkNameRule('dns1123-label', '-'.repeat(64))).toEqual([
      'it is longer than 63 bytes',
      'it is not a DNS-1123 label',
    ])
    // 32 characters, 64 bytes: too long in Go's terms, even though it has fewer than 63 characters.
    expect(checkNameRule('dns1123-label', 'é'.repeat(32))).toContain('it is longer than 63 bytes')
    expect(checkNameRule('dns1123-label', 'é'.repeat(21))).toEqual(['it is not a DNS-1123 label'])
  })
})
