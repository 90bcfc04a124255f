// @ts-check
// The adversarial corpus (issue 12): crafted tokens, pastes and share links that once froze,
// blanked or misled the page, and the ones found while closing those classes. Plain JavaScript
// with JSDoc types, because the bench (node, no TypeScript) feeds the same inputs to the page as
// the unit tests (src/core/adversarial.test.ts) and the e2e test (e2e/adversarial.spec.ts).
// Everything is generated, deterministically: the large inputs would weigh megabytes as files.
import { deflateRawSync } from 'node:zlib'

/** @typedef {'paste' | 'link'} Delivery */
/**
 * @typedef {object} AdversarialInput
 * @property {string} name stable id, used in test titles and the bench table
 * @property {Delivery} delivery `paste`: text for the token input; `link`: a URL fragment (`#…`) to open
 * @property {string} text the pasted text, or the fragment with its leading `#`
 * @property {boolean} large true for inputs near the page's 1 MB limit (kept out of quick loops)
 * @property {string} why what the input attacks
 */

/** @param {string} s */
export const b64u = (s) => Buffer.from(s, 'utf8').toString('base64url')

/** A 256-byte stand-in signature, the size of an RS256 one, so no length warning is added. */
const SIGNATURE = Buffer.alloc(256, 7).toString('base64url')
const RS256_HEADER = '{"alg":"RS256","kid":"adversarial","typ":"JWT"}'

/**
 * A compact token from literal JSON texts (so malformed or duplicate-laden JSON can be written).
 * @param {string} payloadJson
 * @param {string} [headerJson]
 * @param {string} [signature]
 */
export function tokenOf(payloadJson, headerJson = RS256_HEADER, signature = SIGNATURE) {
  return `${b64u(headerJson)}.${b64u(payloadJson)}.${signature}`
}

/**
 * A share link fragment in the page's v1 format: deflate-raw JSON, base64url (permalink/format.ts).
 * @param {Record<string, unknown>} wire the wire object: h, p (header and payload text), t, k, s, r
 */
export function shareLink(wire) {
  return `#v1=z.${deflateRawSync(Buffer.from(JSON.stringify(wire), 'utf8')).toString('base64url')}`
}

/** The same, uncompressed (`j.`), for wire objects that must stay readable in a test. */
export function plainShareLink(/** @type {Record<string, unknown>} */ wire) {
  return `#v1=j.${b64u(JSON.stringify(wire))}`
}

/** Largest token the page decodes (decode/decodeToken.ts MAX_TOKEN_LENGTH). */
const MAX_TOKEN = 1024 * 1024
/** Payload bytes that keep a token with the header and signature above within MAX_TOKEN. */
const PAYLOAD_ROOM = Math.floor(((MAX_TOKEN - b64u(RS256_HEADER).length - SIGNATURE.length - 2) * 3) / 4) - 64

/** `{"<prefix>0":v,"<prefix>1":v,…}` members, `count` of them, joined without the braces. */
const members = (/** @type {number} */ count, /** @type {(i: number) => string} */ member) =>
  Array.from({ length: count }, (_, i) => member(i)).join(',')

/** A short member name for index i: base 36, so 50,000 names stay three or four characters. */
const short = (/** @type {number} */ i) => i.toString(36)

const BASE_CLAIMS = '"iss":"https://adversarial.example","sub":"adversary","iat":1700000000,"exp":4102444800'

/** The ~120,000 duplicate members of the original frozen-tab link. */
export const DUPLICATE_COUNT = 120_000
export const BIG_INTEGER_COUNT = 30_000
export const CLAIM_COUNT = 50_000
export const REDACTION_COUNT = 300_000

/** A payload holding `count` copies of the member "a". */
const duplicatesPayload = (/** @type {number} */ count) => `{${BASE_CLAIMS},${members(count, () => '"a":0')}}`

/** 50,000 distinct claims `c0`…: what the filter is typed over in the bench. */
export const claimsPayload = () => `{${BASE_CLAIMS},${members(CLAIM_COUNT, (i) => `"c${short(i)}":${i}`)}}`

/**
 * The large inputs of the bench (issue 12 item 2), each a way to reach the page's size limits.
 * @returns {AdversarialInput[]}
 */
export function costInputs() {
  const dupPasteCount = Math.floor((PAYLOAD_ROOM - BASE_CLAIMS.length - 2) / 6)
  return [
    {
      name: 'duplicate-members-link',
      delivery: 'link',
      text: shareLink({ h: RS256_HEADER, p: duplicatesPayload(DUPLICATE_COUNT), k: 'jwt', s: 'raw' }),
      large: true,
      why: 'a few-KB share link whose payload repeats one member 120,000 times: each duplicate was a diagnostic whose span re-encoded the text before it (quadratic), and all were rendered',
    },
    {
      name: 'duplicate-members-paste',
      delivery: 'paste',
      text: tokenOf(duplicatesPayload(dupPasteCount)),
      large: true,
      why: 'the same near the 1 MB token limit, pasted',
    },
    {
      name: 'big-integers-paste',
      delivery: 'paste',
      text: tokenOf(
        `{${BASE_CLAIMS},${members(BIG_INTEGER_COUNT, (i) => `"${short(i)}":${9007199254740993n + BigInt(i)}`)}}`,
      ),
      large: true,
      why: '30,000 members holding integers above 2^53: one precision warning and one row each',
    },
    {
      name: 'claims-50k-paste',
      delivery: 'paste',
      text: tokenOf(claimsPayload()),
      large: true,
      why: '50,000 claims: rows, explanations and the filter over all of them',
    },
    {
      name: 'redactions-300k-link',
      delivery: 'link',
      text: shareLink({
        h: RS256_HEADER,
        p: `{${BASE_CLAIMS},"a":"[redacted]"}`,
        k: 'jwt',
        s: 'raw',
        r: Array.from({ length: REDACTION_COUNT }, (_, i) => [i % 7 === 0 ? `/x${i % 10}` : '/a', 'uid']),
      }),
      large: true,
      why: 'a share link listing 300,000 redactions: one note and one list item each',
    },
  ]
}

/**
 * Large inputs found while closing the classes above: other ways to make one paste cost more
 * than linear time (long member names under many pointers, deep nesting, many parts).
 * @returns {AdversarialInput[]}
 */
export function moreCostInputs() {
  const longKey = 'k'.repeat(300_000)
  const deep = 250
  return [
    {
      name: 'long-name-group-paste',
      delivery: 'paste',
      text: tokenOf(`{${BASE_CLAIMS},"${longKey}":{${members(35_000, (i) => `"m${short(i)}":${i}`)}}}`),
      large: true,
      why: 'a 300,000-character member name over 35,000 members: every member pointer starts with it, and V8 hashes strings that long by length only, so a Map keyed by pointer degenerates',
    },
    {
      name: 'long-name-big-integers-paste',
      delivery: 'paste',
      text: tokenOf(`{"${longKey}":[${members(20_000, () => '9007199254740993')}]}`),
      large: true,
      why: '20,000 integers above 2^53 in one array under a 300,000-character name: their pointers, once keys of a Map',
    },
    {
      name: 'deep-nesting-paste',
      delivery: 'paste',
      text: tokenOf(`{${'"a":{'.repeat(deep)}${members(60_000, (i) => `"${short(i)}":0`)}${'}'.repeat(deep)}}`),
      large: true,
      why: '60,000 leaves 250 levels deep: a copied path per row cost 250 entries each',
    },
    {
      name: 'array-of-big-integers-paste',
      delivery: 'paste',
      text: tokenOf(`{${BASE_CLAIMS},"ids":[${members(40_000, (i) => `${9007199254740993n + BigInt(2 * i)}`)}]}`),
      large: true,
      why: '40,000 imprecise integers in one array: all their warnings belong to one row',
    },
    {
      name: 'many-disclosures-paste',
      delivery: 'paste',
      text: `${tokenOf(`{${BASE_CLAIMS}}`)}~${Array.from({ length: 30_000 }, (_, i) => b64u(`["s","c${short(i)}",0]`)).join('~')}~`,
      large: true,
      why: 'an SD-JWT with 30,000 disclosures: one table row each',
    },
    {
      name: 'many-segments-paste',
      delivery: 'paste',
      text: `${b64u(RS256_HEADER)}${'.e30'.repeat(4_000)}`,
      large: false,
      why: '4,001 dot-separated parts in a token short enough to be shown coloured part by part',
    },
    {
      name: 'many-tokens-paste',
      delivery: 'paste',
      text: Array.from({ length: 25_000 }, (_, i) => `${b64u('{"alg":"none"}')}.${b64u(`{"n":${i}}`)}.`).join('\n'),
      large: true,
      why: '25,000 tokens in one paste: one entry each in the picker',
    },
    {
      name: 'url-many-params-paste',
      delivery: 'paste',
      text: `https://app.example/cb?x=1${`&access_token=${b64u('{"alg":"none"}')}.e30.`.repeat(20_000)}`,
      large: true,
      why: '20,000 token parameters in one URL: each looked back over the whole text for a "?" or "#"',
    },
    {
      name: 'many-audiences-k8s-paste',
      delivery: 'paste',
      text: tokenOf(
        `{"iss":"https://kubernetes.default.svc","sub":"system:serviceaccount:ns:sa","exp":4102444800,"iat":1700000000,"aud":[${members(30_000, (i) => `"aud-${i}"`)}],"kubernetes.io":{"namespace":"ns","serviceaccount":{"name":"sa","uid":"u"}}}`,
      ),
      large: true,
      why: 'a Kubernetes token with 30,000 audiences: one explanation, one risk phrase and one command option each',
    },
    {
      name: 'many-bound-objects-k8s-paste',
      delivery: 'paste',
      text: tokenOf(
        `{"sub":"system:serviceaccount:ns:sa","kubernetes.io":{"namespace":"ns","serviceaccount":{"name":"sa","uid":"u"},${members(20_000, (i) => `"k${short(i)}":{"name":"n"}`)}}}`,
      ),
      large: true,
      why: '20,000 bound objects of unknown kinds: one diagnostic each',
    },
    {
      name: 'long-value-paste',
      delivery: 'paste',
      text: tokenOf(`{${BASE_CLAIMS},"blob":"${'x'.repeat(600_000)}"}`),
      large: true,
      why: 'one 600,000-character claim value',
    },
    {
      name: 'kubeconfig-many-users-paste',
      delivery: 'paste',
      text: [
        'apiVersion: v1',
        'kind: Config',
        'current-context: c0',
        'contexts:',
        ...Array.from({ length: 3_000 }, (_, i) => `- name: c${i}\n  context:\n    cluster: k\n    user: u${i}`),
        'users:',
        ...Array.from({ length: 3_000 }, (_, i) => `- name: u${i}\n  user:\n    token: ${b64u('{"alg":"none"}')}.e30.`),
      ].join('\n'),
      large: true,
      why: 'a kubeconfig with 3,000 users and contexts: each user looked through every context',
    },
  ]
}

/** A TokenRequest response around a token, as `kubectl create token -o json` prints it. */
const tokenRequest = (/** @type {string} */ token, /** @type {string} */ stamp) =>
  JSON.stringify({
    kind: 'TokenRequest',
    apiVersion: 'authentication.k8s.io/v1',
    metadata: { name: 'sa', namespace: 'ns' },
    spec: { audiences: ['https://kubernetes.default.svc'], expirationSeconds: 3607 },
    status: { token, expirationTimestamp: stamp },
  })

const K8S_BOUND = '"kubernetes.io":{"namespace":"ns","serviceaccount":{"name":"sa","uid":"u"}}'
const PROTO_NAMES = [
  'constructor',
  '__proto__',
  'toString',
  'valueOf',
  'hasOwnProperty',
  'prototype',
  '__defineGetter__',
]

/**
 * Small inputs that break built-ins or reach lookups by user-controlled keys: non-finite and
 * out-of-range numbers, objects where strings are expected, names of Object.prototype members.
 * @returns {AdversarialInput[]}
 */
export function crashInputs() {
  /** @type {AdversarialInput[]} */
  const out = []
  const paste = (/** @type {string} */ name, /** @type {string} */ text, /** @type {string} */ why) =>
    out.push({ name, delivery: 'paste', text, large: false, why })
  const link = (/** @type {string} */ name, /** @type {string} */ text, /** @type {string} */ why) =>
    out.push({ name, delivery: 'link', text, large: false, why })

  const exp1e13 = tokenOf(`{"iss":"https://kubernetes.default.svc","exp":1e13,"iat":1700000000,${K8S_BOUND}}`)
  paste(
    'token-request-exp-1e13',
    tokenRequest(exp1e13, '2024-01-01T00:00:00Z'),
    'a TokenRequest response whose token has exp 1e13: toISOString threw in the cross-check',
  )
  link(
    'token-request-exp-1e13-link',
    `#token=${encodeURIComponent(exp1e13)}`,
    'the same token opened from a #token= link, on every reload',
  )
  paste(
    'token-request-exp-infinite',
    tokenRequest(tokenOf(`{"exp":1e400,${K8S_BOUND}}`), '2024-01-01T00:00:00Z'),
    'a TokenRequest whose token has exp 1e400 (Infinity once parsed)',
  )
  const issToString = tokenOf(
    `{"iss":{"toString":1,"valueOf":2},"sub":{"toString":"x"},${K8S_BOUND}}`,
    '{"alg":"HS256","typ":"JWT"}',
    b64u('x'.repeat(32)),
  )
  paste('iss-object-with-tostring', issToString, 'an iss object with toString and valueOf members: String(iss) threw')
  link(
    'iss-object-with-tostring-link',
    shareLink({ h: '{"alg":"HS256","typ":"JWT"}', p: `{"iss":{"toString":1},${K8S_BOUND}}`, k: 'k8s-token-request' }),
    'the same opened from a share link',
  )
  for (const name of PROTO_NAMES) {
    paste(
      `header-values-${name}`,
      tokenOf(
        `{"iss":"${name}","sub":"${name}","aud":"${name}",${K8S_BOUND}}`,
        `{"alg":"${name}","typ":"${name}","cty":"${name}","kid":"${name}","crit":["${name}"],"zip":"${name}","enc":"${name}"}`,
      ),
      `header values named after Object.prototype.${name}, used as lookup keys (typ "constructor" printed a function)`,
    )
    paste(
      `member-names-${name}`,
      tokenOf(
        `{"${name}":{"${name}":"${name}"},"kubernetes.io":{"namespace":"${name}","serviceaccount":{"name":"${name}","uid":"${name}"},"pod":{"name":"${name}","uid":"${name}"},"${name}":{"name":"${name}"}}}`,
        `{"alg":"RS256","${name}":"${name}","typ":"JWT"}`,
      ),
      `claim, header and Kubernetes member names of Object.prototype.${name}`,
    )
  }
  paste(
    'legacy-names-prototype',
    tokenOf(
      '{"iss":"kubernetes/serviceaccount","kubernetes.io/serviceaccount/namespace":"constructor","kubernetes.io/serviceaccount/secret.name":"__proto__","kubernetes.io/serviceaccount/service-account.name":"toString","kubernetes.io/serviceaccount/service-account.uid":"valueOf","sub":"system:serviceaccount:constructor:toString"}',
    ),
    'a legacy token whose names are Object.prototype members',
  )
  paste(
    'numbers-out-of-range',
    tokenOf(
      '{"exp":1e400,"iat":-1e400,"nbf":1e-400,"auth_time":1e308,"updated_at":-0,"toe":4e-320,"x":1e400,"arr":[1e400,-1e400,1e-400,12345678901234567890],"kubernetes.io":{"namespace":"ns","serviceaccount":{"name":"sa","uid":"u"},"warnafter":1e400}}',
      '{"alg":"RS256","p2c":1e400,"typ":"JWT"}',
    ),
    'numbers JavaScript reads as ±Infinity or 0: rows read "null" and dates broke',
  )
  paste(
    'times-beyond-date-range',
    tokenOf('{"exp":1e13,"iat":8.64e12,"nbf":-8.64e12,"auth_time":1e300,"updated_at":-1e300,"toe":253402300800}'),
    'NumericDates beyond what a JavaScript Date holds (±8.64e15 ms)',
  )
  paste(
    'times-wrong-types',
    tokenOf(
      `{"exp":"1e13","iat":{"valueOf":1},"nbf":[1],"auth_time":true,"updated_at":null,"kubernetes.io":{"namespace":"ns","serviceaccount":{"name":"sa","uid":"u"},"warnafter":{"toString":1}}}`,
    ),
    'NumericDates of every wrong type, objects with valueOf/toString among them',
  )
  paste(
    'k8s-wrong-types',
    tokenOf(
      '{"iss":{"toString":1},"sub":["system:serviceaccount:a:b"],"aud":[{"toString":1},1e400,null],"jti":{"valueOf":1},"exp":1e400,"iat":-1e400,"kubernetes.io":{"namespace":{"toString":1},"serviceaccount":{"name":["x"],"uid":{"valueOf":1}},"pod":"p","secret":{"name":{"toString":1}},"node":[],"warnafter":"later"}}',
      '{"alg":{"toString":1},"kid":{"valueOf":1},"typ":["JWT"]}',
    ),
    'Kubernetes claims of every wrong type',
  )
  paste(
    'k8s-extended-huge-lifetime',
    tokenOf(
      `{"iss":"https://kubernetes.default.svc","iat":-1e300,"exp":1e300,"nbf":1e300,${K8S_BOUND.replace('}}', '},"warnafter":1e299}')}}`,
    ),
    'a Kubernetes token whose lifetime and warnafter are astronomically large',
  )
  paste(
    'proto-member-json',
    tokenOf(
      '{"__proto__":{"admin":true,"iss":"evil"},"a":{"__proto__":null}}',
      '{"__proto__":{"alg":"none"},"alg":"RS256"}',
    ),
    'a __proto__ member must stay data, never become a prototype',
  )
  paste(
    'secret-yaml-exp-1e13',
    [
      'apiVersion: v1',
      'kind: Secret',
      'type: kubernetes.io/service-account-token',
      'metadata:',
      '  name: constructor',
      '  namespace: __proto__',
      '  annotations:',
      '    kubernetes.io/service-account.name: toString',
      '    __proto__: x',
      'data:',
      `  token: ${Buffer.from(exp1e13).toString('base64')}`,
    ].join('\n'),
    'a Secret whose token has exp 1e13 and whose names are Object.prototype members',
  )
  paste(
    'kubeconfig-prototype-names',
    [
      'apiVersion: v1',
      'kind: Config',
      'current-context: __proto__',
      'contexts:',
      '- name: __proto__',
      '  context: {cluster: constructor, user: toString}',
      'users:',
      '- name: toString',
      `  user: {token: ${exp1e13}}`,
      '- name: constructor',
      '  user: {exec: {command: valueOf}}',
    ].join('\n'),
    'a kubeconfig whose names are Object.prototype members',
  )
  paste(
    'json-paste-prototype-fields',
    `{"__proto__":{"id_token":"x"},"constructor":{"access_token":"${exp1e13}"},"toString":"${exp1e13}"}`,
    'a JSON paste whose token fields sit under Object.prototype names',
  )
  paste(
    'lone-surrogates',
    tokenOf('{"sub":"\\ud800","name":"\\udfff\\ud83d","\\ud800":"\\ud800"}'),
    'lone UTF-16 surrogates written as JSON escapes: valid JSON, not encodable as UTF-8',
  )
  paste(
    'sd-jwt-prototype-disclosures',
    `${tokenOf('{"_sd":["x"]}')}~${b64u('["s","constructor",{"toString":1}]')}~${b64u('["s","__proto__",1e400]')}~${b64u('[1e400]')}~`,
    'SD-JWT disclosures named after Object.prototype members, with odd values',
  )
  paste('deeply-nested-257', tokenOf(`${'{"a":'.repeat(257)}0${'}'.repeat(257)}`), 'JSON nested past the depth limit')
  paste('base64-of-token-exp-1e13', Buffer.from(exp1e13).toString('base64'), 'a base64 paste of the exp 1e13 token')

  // Share links and other fragments.
  link('link-truncated', shareLink({ h: RS256_HEADER, p: '{}' }).slice(0, 20), 'a share link cut short')
  link('link-corrupt', '#v1=z.!!!!', 'a share link with characters outside base64url')
  link('link-version-99', '#v99=z.AAAA', 'a share link from a future format')
  link('link-not-object', plainShareLink(/** @type {any} */ ([1, 2])), 'a share link whose data is an array')
  link(
    'link-prototype-fields',
    plainShareLink({
      h: '{"alg":"constructor","typ":"__proto__"}',
      p: '{"__proto__":{"x":1},"constructor":1e400}',
      k: 'constructor',
      s: '__proto__',
      r: [
        ['/__proto__', 'claim'],
        ['/constructor', 'uid'],
        ['/toString', 'name'],
      ],
    }),
    'a share link whose kind, source and redactions are Object.prototype names',
  )
  link(
    'link-redaction-bad-category',
    plainShareLink({ h: RS256_HEADER, p: '{}', r: [['/a', 'constructor']] }),
    'a redaction of an unknown category',
  )
  link(
    'link-header-not-json',
    plainShareLink({ h: 'not json', p: 'not json either' }),
    'a share link whose texts are not JSON',
  )
  link('link-token-garbage', plainShareLink({ t: '...~~~' }), 'a share link whose token is garbage')
  link('fragment-bad-escape', '#token=%E0%A4%A', 'a #token= link with a broken %-escape')
  link(
    'fragment-lone-surrogate',
    `#id_token=${'%ED%A0%80'}.e30.`,
    'a #id_token= link whose escape decodes to no character',
  )
  link(
    'link-bomb',
    `#v1=z.${deflateRawSync(Buffer.alloc(5 * 1024 * 1024, 32)).toString('base64url')}`,
    'a share link that inflates past the 4 MB limit',
  )
  return out
}

/**
 * The whole corpus.
 * @param {{ large?: boolean }} [options] `large: false` leaves out the inputs near 1 MB
 * @returns {AdversarialInput[]}
 */
export function adversarialCorpus(options = {}) {
  const all = [...crashInputs(), ...costInputs(), ...moreCostInputs()]
  return options.large === false ? all.filter((i) => !i.large) : all
}
