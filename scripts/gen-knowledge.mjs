// Generates src/core/knowledge/data.generated.ts, common.generated.ts, registry.generated.ts and
// providers.generated.ts from the reference registries (facts: names, titles, spec sections,
// links, value types) and scripts/knowledge/explanations.txt (our words).
// The reference descriptions are never copied: every entry must have our own explanation, and the
// script fails when one is missing or when an explanation matches no reference entry.
//
//   node scripts/gen-knowledge.mjs [reference-dir]     (default: src/test/reference)
import { readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const refDir = process.argv[2] ?? join(root, 'src/test/reference')
const claimsRef = JSON.parse(readFileSync(join(refDir, 'jwt-claims.json'), 'utf8'))
const algsRef = JSON.parse(readFileSync(join(refDir, 'jwt-algorithms.json'), 'utf8'))

/** Parses explanations.txt into a map keyed by "kind source name". */
function readExplanations(file) {
  const texts = new Map()
  let section = null
  let defaultProcessing = ''
  readFileSync(file, 'utf8')
    .split('\n')
    .forEach((line, i) => {
      if (line.trim() === '' || line.startsWith('# ') || line === '#') return
      if (line.startsWith('## ')) {
        section = line.slice(3).trim()
        defaultProcessing = ''
        return
      }
      if (line.startsWith('!processing ')) {
        defaultProcessing = line.slice('!processing '.length).trim()
        return
      }
      const [name, text, processing, valueType] = line.split('|').map((s) => s.trim())
      if (!section || !name || !text) throw new Error(`explanations.txt:${i + 1}: malformed line`)
      const key = `${section} ${name}`
      if (texts.has(key)) throw new Error(`explanations.txt:${i + 1}: duplicate ${key}`)
      const p = processing || defaultProcessing
      if (!p) throw new Error(`explanations.txt:${i + 1}: no processing text for ${key}`)
      texts.set(key, { text, processing: p, valueType: valueType ?? '', used: false })
    })
  return texts
}

const texts = readExplanations(join(root, 'scripts/knowledge/explanations.txt'))
const shortSource = (s) => (s.startsWith('provider:') ? s.slice('provider:'.length) : s)
const shortSpec = (s) => s.replaceAll(', Sections ', ' §').replaceAll(', Section ', ' §').replaceAll(', Clause ', ' §')

function row(kind, e) {
  const key = `${kind} ${e.source} ${e.name}`
  const t = texts.get(key)
  if (!t) throw new Error(`no explanation for ${key}: add one to scripts/knowledge/explanations.txt`)
  t.used = true
  const valueType = e.value_type ?? t.valueType
  // The link goes to the first specification named; the others are mentioned in the text.
  const [spec, ...others] = shortSpec(e.spec).split('; ')
  const text = others.length ? `${t.text} Also in ${others.join('; ')}.` : t.text
  return [
    e.name,
    e.title,
    text,
    t.processing,
    spec,
    e.url,
    shortSource(e.source),
    valueType,
    e.parent ?? e.pattern ?? '',
  ]
}

const claims = claimsRef.filter((e) => e.kind === 'claim').map((e) => row('claim', e))
const headers = claimsRef.filter((e) => e.kind === 'header').map((e) => row('header', e))
const algorithms = algsRef.map((e) => row('alg', e))
const unused = [...texts].filter(([, t]) => !t.used).map(([k]) => k)
if (unused.length) throw new Error(`explanations with no reference entry: ${unused.join(', ')}`)

const rows = (list) => list.map((r) => `    ${JSON.stringify(r)},`).join('\n')
// Registered meanings apply to every token; a provider's only to tokens from that provider, so
// they are a file (and a chunk) of their own, loaded when the issuer is recognised.
const REGISTERED = new Set(['iana', 'oidc', 'ietf-draft'])
// Registered claims of specifications that the tokens people paste here (Kubernetes, OIDC, OAuth,
// CI and cloud workload tokens) practically never carry: telephony (SIP, PASSporT/STIR), entity
// attestation, CDNI, ACE, 3GPP, RDAP, OpenID Federation and identity assurance. They are a pack of
// their own, loaded only for a token that has one of these names, so that every other token's
// explanations cost less. Confirmation methods (members of cnf) always stay in the main file. So
// do the JWS signature algorithms; the others (JWE key management and content encryption,
// compression, the post-quantum and prohibited ones) go in the pack too, for a token whose header
// names one of them.
const JWS_ALGS = /^((HS|RS|ES|PS)(256|384|512)|EdDSA|Ed25519|Ed448|ES256K|none)$/
const PACKED_SPECS =
  /^(RFC (8055|8225|8443|8485|8588|8688|8946|9027|9200|9246|9321|9447|9475|9493|9560|9711|9795|9999)\b|ETSI |3GPP |Fast and Readable Geographical|OpenID Federation|OpenID Identity Assurance|OpenID Connect for Identity Assurance|draft-ietf-stir-)/
const packedClaim = (r) => r[8] === '' && PACKED_SPECS.test(r[4])
const packedAlg = (r) => !JWS_ALGS.test(r[0])
// What every token here needs, a Kubernetes service account token first of all, stays in the main
// file: the claims of RFC 7519 §4.1 (Kubernetes adds only its own kubernetes.io, explained by
// src/core/k8s/claimInfo.ts), the header parameters alg, kid and typ, and the JWS algorithms. The
// other common registered names (OpenID Connect, OAuth, SD-JWT, cnf and its confirmation methods,
// the JWE and key header parameters…) are the common pack, loaded for a token that has one.
const CORE_CLAIMS = /^RFC 7519 §4\.1\.\d+$/
const CORE_HEADERS = new Set(['alg', 'kid', 'typ'])
const coreClaim = (r) => r[6] === 'iana' && r[8] === '' && CORE_CLAIMS.test(r[4])
const coreHeader = (r) => r[6] === 'iana' && CORE_HEADERS.has(r[0])
const coreAlg = () => true
const inFile = {
  main: (r, packed, core) => REGISTERED.has(r[6]) && !packed(r) && core(r),
  common: (r, packed, core) => REGISTERED.has(r[6]) && !packed(r) && !core(r),
  registry: (r, packed) => REGISTERED.has(r[6]) && packed(r),
  providers: (r) => !REGISTERED.has(r[6]),
}
const file = (
  name,
  which,
  what,
  extra = '',
) => `// Generated by scripts/gen-knowledge.mjs from src/test/reference and scripts/knowledge/explanations.txt.
// Do not edit by hand: edit the explanations and run \`node scripts/gen-knowledge.mjs\`.
// ${what}
import type { KnowledgeData } from './types.ts'

export const ${name}: KnowledgeData = {
  claims: [
${rows(claims.filter((r) => inFile[which](r, packedClaim, coreClaim)))}
  ],
  headers: [
${rows(headers.filter((r) => inFile[which](r, () => false, coreHeader)))}
  ],
  algorithms: [
${rows(algorithms.filter((r) => inFile[which](r, packedAlg, coreAlg)))}
  ],
}
${extra}`
const packedNames = [...new Set(claims.filter((r) => inFile.registry(r, packedClaim)).map((r) => r[0]))]
// A list of names as one string split on spaces: no name has one, and the quotes and commas of an
// array would cost three bytes a name in the knowledge chunk.
const names = (list) => {
  if (list.some((n) => /\s/.test(n))) throw new Error(`a name with white space: ${list.join(', ')}`)
  return `${JSON.stringify(list.join(' '))}.split(' ')`
}
// Top-level names only: the confirmation methods are asked for by cnf, which is in the pack too.
// A name the registry pack explains is not listed unless the common pack explains it as well, so
// that a token with only rare claims does not load the common pack for nothing.
const commonNames = (list, packed, core) => [
  ...new Set(list.filter((r) => r[8] === '' && inFile.common(r, packed, core)).map((r) => r[0])),
]
const packedAlgs = algorithms.filter((r) => inFile.registry(r, packedAlg)).map((r) => r[0])
const allAlgs = algorithms.filter((r) => REGISTERED.has(r[6])).map((r) => r[0])
// REGISTERED_ALGORITHMS is written as the main data's algorithms followed by the pack's (the
// checks only ask whether a name is among them): together they must be the registry's.
const mainAlgs = algorithms.filter((r) => inFile.main(r, packedAlg, coreAlg)).map((r) => r[0])
if ([...mainAlgs, ...packedAlgs].sort().join(' ') !== [...allAlgs].sort().join(' '))
  throw new Error('the registered algorithms are not the main ones and the registry pack ones')
writeFileSync(
  join(root, 'src/core/knowledge/data.generated.ts'),
  file(
    'KNOWLEDGE_DATA',
    'main',
    'The registered meanings every token needs (a Kubernetes one first of all); the others are in the common and registry packs.',
    `
/** The top-level claims whose registered meaning is in the common pack (common.generated.ts). */
export const COMMON_PACK_CLAIMS: readonly string[] = ${names(commonNames(claims, packedClaim, coreClaim))}

/** The header parameters whose registered meaning is in the common pack. */
export const COMMON_PACK_HEADERS: readonly string[] = ${names(commonNames(headers, () => false, coreHeader))}

/** The claims whose registered meaning is in the registry pack (registry.generated.ts). */
export const REGISTRY_PACK_CLAIMS: readonly string[] = ${names(packedNames)}

/** The algorithms whose registered meaning is in the registry pack. */
export const REGISTRY_PACK_ALGORITHMS: readonly string[] = ${names(packedAlgs)}

/** Every algorithm name in the IANA registry, main data and pack together. */
export const REGISTERED_ALGORITHMS: readonly string[] = [
  ...KNOWLEDGE_DATA.algorithms.map((r) => r[0]),
  ...REGISTRY_PACK_ALGORITHMS,
]
`,
  ),
)
writeFileSync(
  join(root, 'src/core/knowledge/common.generated.ts'),
  file(
    'COMMON_PACK_DATA',
    'common',
    'The registered claims and header parameters that a Kubernetes token does not carry: OpenID Connect, OAuth, SD-JWT, confirmation methods, JWE and key parameters (loaded for a token that has one).',
  ),
)
writeFileSync(
  join(root, 'src/core/knowledge/registry.generated.ts'),
  file(
    'REGISTRY_PACK_DATA',
    'registry',
    'The registered claims and algorithms that pasted tokens rarely carry (loaded for a token that has one).',
  ),
)
writeFileSync(
  join(root, 'src/core/knowledge/providers.generated.ts'),
  file(
    'PROVIDER_KNOWLEDGE_DATA',
    'providers',
    "The providers' meanings, which apply only to tokens from that provider (loaded when one is recognised).",
  ),
)
console.log(
  `knowledge base: ${claims.length} claims, ${headers.length} header parameters, ${algorithms.length} algorithms`,
)
