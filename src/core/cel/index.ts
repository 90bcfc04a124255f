/**
 * The CEL evaluator for the API server checks, over @marcbachmann/cel-js. The page loads this
 * module lazily (through src/app/modules.ts) and hands {@link createCelEngine}'s result to
 * src/core/apiserver, which only knows the {@link CelEngine} interface.
 *
 * It reproduces the environment kube-apiserver gives claim mappings and validation rules
 * (apiserver pkg/authentication/cel/compile.go): `claims` as map(string, dyn) with JSON numbers as
 * doubles, `user` as kubernetes.UserInfo, optional types, homogeneous aggregate literals, the
 * `__dot__`-style escapes in map keys (oidc.go unescapeMapper), and the `sets` extension. What the
 * library lacks (the ext.Lists, URL, IP, CIDR, quantity, semver and regex-find libraries, some
 * string functions, two-variable comprehensions, Go's formatting of doubles, RE2-only regex
 * syntax) is reported as "cannot be evaluated offline", never guessed.
 * @module
 */
import { Environment } from '@marcbachmann/cel-js'
import type {
  CelCompileResult,
  CelEngine,
  CelEnvKind,
  CelEvalResult,
  CelProgram,
  CelResultValue,
  CelUserInput,
} from '../apiserver/cel.ts'
import type { JsonValue } from '../encoding/json.ts'

/** Functions of the Kubernetes CEL environment that this library does not have. */
export const UNSUPPORTED_FUNCTIONS = new Set([
  // ext.Strings v2
  'charAt',
  'format',
  'quote',
  'replace',
  'reverse',
  'strings.quote',
  // ext.Lists v3 and library.Lists
  'distinct',
  'first',
  'flatten',
  'last',
  'lists.range',
  'slice',
  'sort',
  'sortBy',
  'isSorted',
  'sum',
  'min',
  'max',
  // two-variable comprehensions
  'transformList',
  'transformMap',
  'transformMapEntry',
  'existsOne',
  // library.URLs, Regex, IP, CIDR, Quantity, Semver, Format
  'url',
  'isURL',
  'getScheme',
  'getHost',
  'getHostname',
  'getPort',
  'getEscapedPath',
  'getQuery',
  'find',
  'findAll',
  'ip',
  'isIP',
  'family',
  'isUnspecified',
  'isLoopback',
  'isLinkLocalMulticast',
  'isLinkLocalUnicast',
  'isGlobalUnicast',
  'isCanonical',
  'cidr',
  'isCIDR',
  'containsIP',
  'containsCIDR',
  'masked',
  'prefixLength',
  'quantity',
  'isQuantity',
  'sign',
  'isGreaterThan',
  'isLessThan',
  'compareTo',
  'asInteger',
  'asApproximateFloat',
  'isInteger',
  'semver',
  'isSemver',
  'major',
  'minor',
  'patch',
  'format.named',
  'validate',
])

const RESERVED_CEL = new Set([
  'true',
  'false',
  'null',
  'in',
  'as',
  'break',
  'const',
  'continue',
  'else',
  'for',
  'function',
  'if',
  'import',
  'let',
  'loop',
  'package',
  'namespace',
  'return',
  'var',
  'void',
  'while',
])

/** apiserver pkg/cel/escaping.go Unescape: `__dot__` → `.`, `__dash__` → `-`, `__slash__` → `/`, `__underscores__` → `__`, `__<keyword>__` alone → the keyword. */
export function unescapeKey(escaped: string): string | undefined {
  let ok = true
  const out = escaped.replace(/__[^_]+__/g, (s) => {
    const contents = s.slice(2, -2)
    switch (contents) {
      case 'underscores':
        return '__'
      case 'dot':
        return '.'
      case 'dash':
        return '-'
      case 'slash':
        return '/'
    }
    if (RESERVED_CEL.has(contents)) {
      if (s.length !== escaped.length) ok = false
      return contents
    }
    ok = false
    return ''
  })
  return ok ? out : undefined
}

const unescaped = (key: string | symbol): string | symbol => {
  if (typeof key !== 'string' || !key.includes('__')) return key
  const u = unescapeKey(key)
  return u !== undefined && u !== key ? u : key
}

/** A map whose lookups unescape the key first, as oidc.go's unescapeMapper.Find does. */
function escapingMap(target: Record<string, unknown>): Record<string, unknown> {
  return new Proxy(target, {
    get: (t, k, r) => Reflect.get(t, unescaped(k), r),
    getOwnPropertyDescriptor: (t, k) => Reflect.getOwnPropertyDescriptor(t, unescaped(k)),
    has: (t, k) => Reflect.has(t, unescaped(k)),
  })
}

/** JSON claims as CEL sees them: objects become escaping maps, numbers stay doubles. */
function toCel(v: JsonValue): unknown {
  if (Array.isArray(v)) return v.map(toCel)
  if (v !== null && typeof v === 'object') {
    const out: Record<string, unknown> = Object.create(null) as Record<string, unknown>
    for (const [k, x] of Object.entries(v)) out[k] = toCel(x)
    return escapingMap(out)
  }
  return v
}

function celEqual(a: unknown, b: unknown): boolean {
  if ((typeof a === 'number' || typeof a === 'bigint') && (typeof b === 'number' || typeof b === 'bigint'))
    return Number(a) === Number(b)
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => celEqual(x, b[i]))
  return a === b
}

const includes = (list: unknown[], x: unknown) => list.some((y) => celEqual(x, y))

class SetsNamespace {}

type AstNode = { op: string; args: unknown; input?: string }
const isNode = (v: unknown): v is AstNode => typeof v === 'object' && v !== null && 'op' in v && 'args' in v

function walk(v: unknown, visit: (n: AstNode) => void): void {
  if (Array.isArray(v)) v.forEach((x) => walk(x, visit))
  else if (isNode(v)) {
    visit(v)
    walk(v.args, visit)
  }
}

/** Names of the functions and methods an expression calls (`sets.equivalent` for namespaced calls). */
function calledFunctions(ast: unknown): { names: Set<string>; twoVarMacro: boolean } {
  const names = new Set<string>()
  let twoVarMacro = false
  walk(ast, (n) => {
    if (n.op === 'call' && Array.isArray(n.args)) names.add(String(n.args[0]))
    if (n.op === 'rcall' && Array.isArray(n.args)) {
      const [name, receiver, params] = n.args as [string, unknown, unknown[]]
      names.add(isNode(receiver) && receiver.op === 'id' ? `${String(receiver.args)}.${name}` : name)
      names.add(name)
      if (['all', 'exists', 'exists_one', 'existsOne'].includes(name) && Array.isArray(params) && params.length === 3)
        twoVarMacro = true
    }
  })
  return { names, twoVarMacro }
}

function selectsClaim(ast: unknown, field: string): boolean {
  let found = false
  walk(ast, (n) => {
    if ((n.op === '.' || n.op === '.?') && Array.isArray(n.args)) {
      const [operand, name] = n.args as [unknown, unknown]
      if (isNode(operand) && operand.op === 'id' && operand.args === 'claims' && name === field) found = true
    }
  })
  return found
}

/**
 * The output type, or `unknown` where cel-go's checker may infer more than this library: an
 * access on an optional value (`claims[?"a"]["b"].orValue(true)`) leaves cel-go a free type
 * parameter that orValue binds (bool there), while this library says dyn.
 */
function outputType(libraryType: string, ast: unknown): string {
  if (libraryType !== 'dyn') return libraryType
  let optionalChain = false
  walk(ast, (n) => {
    if (['.', '[]', '.?', '[?]'].includes(n.op) && Array.isArray(n.args)) {
      const operand = n.args[0]
      if (isNode(operand) && (operand.op === '.?' || operand.op === '[?]')) optionalChain = true
    }
  })
  return optionalChain ? 'unknown' : libraryType
}

/** strconv.FormatFloat(f, 'g', -1, 64), which cel-go's string(double) uses. */
export function goFormatDouble(x: number): string {
  if (Number.isNaN(x)) return 'NaN'
  if (x === Infinity) return '+Inf'
  if (x === -Infinity) return '-Inf'
  if (x === 0) return Object.is(x, -0) ? '-0' : '0'
  const [mantissa = '', expPart = '0'] = x.toExponential().split('e')
  const exp = Number(expPart)
  const negative = mantissa.startsWith('-')
  const digits = mantissa.replace('-', '').replace('.', '')
  if (exp < -4 || exp >= 6) {
    const m = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits
    return `${negative ? '-' : ''}${m}e${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`
  }
  return String(x)
}

function fromCel(v: unknown): CelResultValue {
  if (typeof v === 'string') return { type: 'string', value: v }
  if (typeof v === 'boolean') return { type: 'bool', value: v }
  if (typeof v === 'bigint') return { type: 'int', value: Number(v) }
  if (typeof v === 'number') return { type: 'double', value: v }
  if (v === null || v === undefined) return { type: 'null' }
  if (Array.isArray(v)) return { type: 'list', items: v.map(fromCel) }
  if (v instanceof Map) return { type: 'map', entries: [...v].map(([k, x]) => [String(k), fromCel(x)]) }
  const name = (v as { constructor?: { name?: string } }).constructor?.name
  if (name === 'Object' || name === undefined)
    return { type: 'map', entries: Object.entries(v as object).map(([k, x]) => [k, fromCel(x)]) }
  return { type: 'other', name: name ?? typeof v }
}

function message(e: unknown): string {
  const text = e instanceof Error ? e.message : String(e)
  const first = text.split('\n')[0] ?? text
  // cel-go writes this error in lower case; the rest of the library's wording is its own.
  return first.replace(/^No such key: /, 'no such key: ')
}

function buildEnv(kind: CelEnvKind): Environment {
  const env = new Environment({ enableOptionalTypes: true, homogeneousAggregateLiterals: true })
  if (kind === 'claims') env.registerVariable('claims', 'map<string, dyn>')
  else
    env
      .registerType('kubernetes.UserInfo', {
        fields: { username: 'string', uid: 'string', groups: 'list<string>', extra: 'map<string, list<string>>' },
      })
      .registerVariable('user', 'kubernetes.UserInfo')
  env.registerType('SetsNamespace', SetsNamespace).registerConstant('sets', 'SetsNamespace', new SetsNamespace())
  const setFn = (name: string, handler: (a: unknown[], b: unknown[]) => boolean) =>
    env.registerFunction({
      name,
      receiverType: 'SetsNamespace',
      returnType: 'bool',
      params: [
        { name: 'a', type: 'list' },
        { name: 'b', type: 'list' },
      ],
      handler: (_s: unknown, a: unknown[], b: unknown[]) => handler(a, b),
    })
  // ext.Sets: contains (every b in a), equivalent (same members), intersects (one in common).
  setFn('contains', (a, b) => b.every((x) => includes(a, x)))
  setFn('equivalent', (a, b) => b.every((x) => includes(a, x)) && a.every((x) => includes(b, x)))
  setFn('intersects', (a, b) => b.some((x) => includes(a, x)))
  return env
}

const offline = (error: string): { ok: false; error: string; offline: true } => ({
  ok: false,
  error: `cannot be evaluated offline: ${error}`,
  offline: true,
})

function unsupportedIn(names: Set<string>): string | undefined {
  return [...names].find((n) => UNSUPPORTED_FUNCTIONS.has(n))
}

/** Creates the engine. Environments are built once per variable kind and reused. */
export function createCelEngine(): CelEngine {
  const envs: Partial<Record<CelEnvKind, Environment>> = {}
  const envFor = (kind: CelEnvKind) => (envs[kind] ??= buildEnv(kind))
  return {
    name: '@marcbachmann/cel-js 8.0.0',
    compile(expression: string, kind: CelEnvKind): CelCompileResult {
      const env = envFor(kind)
      let parsed: ReturnType<Environment['parse']>
      try {
        parsed = env.parse(expression)
      } catch (e) {
        if (/\b(prototype|__proto__)\b/.test(expression))
          return offline(`the library reserves the names prototype and __proto__ (${message(e)})`)
        return { ok: false, error: message(e), offline: false }
      }
      const { names, twoVarMacro } = calledFunctions(parsed.ast)
      const missing = unsupportedIn(names)
      if (missing) return offline(`the function ${missing}() is not available in this evaluator`)
      if (twoVarMacro) return offline('two-variable comprehensions are not available in this evaluator')
      const checked = env.check(expression)
      if (!checked.valid) {
        // cel-go accepts has() on any selection (has(claims.list[0].field)); this library only on a plain chain.
        if (/has\(\) invalid argument/.test(message(checked.error)))
          return offline('has() on a field of an indexed value is not available in this evaluator')
        return { ok: false, error: message(checked.error), offline: false }
      }
      const ast = parsed.ast
      const stringArgs: string[] = []
      walk(ast, (n) => {
        if (n.op === 'call' && Array.isArray(n.args) && n.args[0] === 'string') {
          const arg = (n.args[1] as unknown[] | undefined)?.[0] as
            { input?: string; start?: number; end?: number } | undefined
          if (arg && typeof arg.input === 'string' && typeof arg.start === 'number' && typeof arg.end === 'number')
            stringArgs.push(arg.input.slice(arg.start, arg.end))
        }
      })
      const program: CelProgram = {
        outputType: outputType(String(checked.type ?? 'dyn'), ast),
        selectsClaim: (field) => selectsClaim(ast, field),
        evaluate(vars: { claims?: Record<string, JsonValue>; user?: CelUserInput }): CelEvalResult {
          const context: Record<string, unknown> = {}
          if (vars.claims) context.claims = toCel(vars.claims)
          if (vars.user)
            context.user = {
              username: vars.user.username,
              uid: vars.user.uid,
              groups: [...vars.user.groups],
              extra: toCel(vars.user.extra),
            }
          try {
            // string(double) formats as Go's %g upstream (1.7e+09); JavaScript writes 1700000000.
            for (const arg of stringArgs) {
              let v: unknown
              try {
                v = env.evaluate(arg, context)
              } catch {
                continue
              }
              if (typeof v === 'number' && goFormatDouble(v) !== String(v))
                return offline(
                  `string() of the double ${String(v)} is ${goFormatDouble(v)} in the API server, which this evaluator cannot reproduce`,
                )
            }
            return { ok: true, value: fromCel(env.evaluate(expression, context)) }
          } catch (e) {
            const m = message(e)
            if (/Invalid regular expression/.test(m))
              return offline(`the regular expression uses syntax JavaScript lacks (${m})`)
            return { ok: false, error: m, offline: false }
          }
        },
      }
      return { ok: true, program }
    },
  }
}
