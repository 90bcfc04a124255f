import type { DecodedJson, DecodedToken, Segment } from '../decode/decodeToken.ts'
import { segByteSpan, segSpan } from '../decode/segment.ts'
import { cappedEach } from '../diagnostics/cap.ts'
import type { Diagnostic } from '../diagnostics/diagnostic.ts'
import { utf8Offsets } from '../encoding/utf8.ts'
import { diagnostic } from './shapeCodes.ts'
import { payloadJsonError } from './shapeNeeds.ts'

// What decoding found that does not decide whether the token is well-formed, in words: the form
// of the token (encrypted, unsecured, an SD-JWT), what its payload is (nested, detached, not encoded), and
// the members and numbers that parsers read differently. The decoded token holds every fact
// (form, header, payload view, duplicates, imprecise numbers); the start-up decoder leaves the
// wording to these checks. Most tokens, a pod's bound token among them, have nothing to note, so
// they load with the checks of rarer shapes (checks/shapes.ts), for a token that has something
// (hasDecodingNotes in ./shapeNeeds.ts tells).

/** A member name or number in a message: long ones are cut, the row shows them whole. */
function shorten(text: string): string {
  return text.length > 80 ? `${text.slice(0, 60)}…` : text
}

function formNotes(decoded: DecodedToken): Diagnostic[] {
  const [headerSeg, payloadSeg] = decoded.segments
  if (decoded.form === 'jwe') {
    // A token with `enc` but not five parts is reported by decoding (JWE_SEGMENT_COUNT, SEGMENT_COUNT).
    if (decoded.segments.length !== 5) return []
    return [
      diagnostic(
        'JWE_ENCRYPTED',
        "This is an encrypted token (JWE). Only its header can be read; the claims are ciphertext and stay unreadable without the recipient's private key.",
        { part: 'ciphertext' },
      ),
    ]
  }
  const out: Diagnostic[] = []
  const payload = decoded.payload
  if (payloadSeg && payload.kind === 'unencoded')
    out.push(
      diagnostic(
        'UNENCODED_PAYLOAD',
        'The header sets b64 to false, so the payload is sent as is, not base64url-encoded (RFC 7797).',
        { part: 'payload', span: segSpan(payloadSeg) },
      ),
    )
  if (payloadSeg && payload.kind === 'detached')
    out.push(
      diagnostic(
        'DETACHED_PAYLOAD',
        'The payload part is empty: either the content is detached and travels separately (RFC 7515 Appendix F), or it was lost when the token was copied.',
        { part: 'payload', span: { start: payloadSeg.start, end: payloadSeg.start } },
      ),
    )
  if (payloadSeg && payload.kind === 'nested') {
    // As decodePayload reads cty: "JWT" or "application/jwt", in any case.
    const cty = decoded.header?.value.cty
    const declared = typeof cty === 'string' && cty.toLowerCase().replace(/^application\//, '') === 'jwt'
    out.push(
      declared
        ? diagnostic(
            'NESTED_JWT',
            "The header's cty is JWT: the payload is itself a token (a nested JWT). Decode the inner token to read its claims.",
            { part: 'payload', span: segSpan(payloadSeg) },
          )
        : diagnostic(
            'NESTED_JWT_WITHOUT_CTY',
            'The payload looks like another token, but the header has no cty: "JWT". It is probably a nested JWT; decode the inner token to read it.',
            { part: 'payload', span: segSpan(payloadSeg) },
          ),
    )
  }
  if (payloadSeg && payload.kind === 'text' && !payloadJsonError(decoded)) {
    // Text that is no JSON: other content by the header's cty (a string; decodePayload ignores
    // any other value), or a JWS that is no JWT.
    const cty = decoded.header?.value.cty
    out.push(
      typeof cty === 'string'
        ? diagnostic(
            'PAYLOAD_OTHER_CONTENT',
            `The payload is not JSON; the header's cty ("${cty}") says it is other content, so it is shown as text.`,
            { part: 'payload', span: segSpan(payloadSeg) },
          )
        : diagnostic(
            'PAYLOAD_NOT_JSON',
            'The payload is not JSON, so this is a JWS but not a JWT: a JWT payload is a JSON object of claims. It is shown as text.',
            { part: 'payload', span: segSpan(payloadSeg) },
          ),
    )
  }
  const sd = decoded.sdJwt
  if (sd)
    out.push(
      diagnostic(
        'SD_JWT',
        `This is an SD-JWT: an issuer-signed JWT followed by ${sd.disclosures.length} disclosure${sd.disclosures.length === 1 ? '' : 's'}${sd.keyBinding ? ' and a key-binding JWT' : ''}. Disclosed claims are listed separately; the signed payload holds only their digests.`,
        { part: 'input' },
      ),
    )
  const alg = decoded.header?.value.alg
  if (headerSeg && decoded.form === 'unsecured' && typeof alg === 'string')
    out.push(
      diagnostic(
        'UNSECURED_JWT',
        `This token is unsecured (alg "${alg}"): it carries no signature, so anyone could have written these claims. Never accept it as proof of anything.`,
        { part: 'header', span: segSpan(headerSeg) },
      ),
    )
  return out
}

// Four base64url characters are three bytes: EF BB BF, a UTF-8 byte-order mark, which decoding
// skipped (and reported) before parsing, so offsets into the text start three bytes in.
const BOM = /^77u[_/]/
// Any code unit above 0x7f makes the text longer in UTF-8 than in UTF-16.
const NOT_ASCII = /[^\p{ASCII}]/u

/** Duplicate members and imprecise numbers of one decoded JSON segment, on the characters that encode them. */
function jsonNotes(json: DecodedJson, seg: Segment): Diagnostic[] {
  if (json.duplicates.length === 0 && json.impreciseNumbers.length === 0) return []
  const part = seg.part
  const { text } = json
  const bomBytes = BOM.test(seg.text) ? 3 : 0
  const byteAt = utf8Offsets(text, NOT_ASCII.test(text) ? undefined : text.length)
  const at = (offset: number, length: number, pointer: string) => {
    const b = bomBytes + byteAt(offset)
    return {
      part,
      span: segByteSpan(seg, b, b + length),
      pointer,
      location: part === 'header' ? ('header' as const) : ('payload' as const),
    }
  }
  // A crafted token can repeat a member or a large number a hundred thousand times: only the
  // first few of each are described (see cappedEach), the rest are counted.
  const out = cappedEach(json.duplicates, (dup) =>
    diagnostic(
      'JSON_DUPLICATE_MEMBER',
      `The ${part} has the member "${shorten(dup.key)}" more than once. The last value wins here, as in JSON.parse, but other parsers may keep the first, so two systems can read this token differently.`,
      at(dup.lastOffset, dup.key.length + 2, dup.pointer),
    ),
  )
  for (const unsafe of [true, false]) {
    const code = unsafe ? 'JSON_NUMBER_PRECISION' : 'JSON_NUMBER_OUT_OF_RANGE'
    const numbers = json.impreciseNumbers.filter((n) => (n.reason === 'unsafe-integer') === unsafe)
    out.push(
      ...cappedEach(numbers, (num) => {
        const where = `${shorten(num.raw)} at ${shorten(num.pointer)}`
        // An underflow is no overflow: the number is not too large but too close to zero, and reads as 0.
        const message =
          num.reason === 'underflow'
            ? `The number ${where} is too close to zero for a double, so JavaScript and many JSON libraries read it as 0: its value is lost. The exact text is shown.`
            : `The ${unsafe ? 'integer' : 'number'} ${where} is beyond ${unsafe ? '2^53' : 'what a double can hold'}, so JavaScript and many JSON libraries read it as ${Number(num.raw)}${num.reason === 'overflow' ? ' (JSON.stringify writes null)' : ''}. The exact text is shown.`
        return diagnostic(code, message, at(num.offset, num.raw.length, num.pointer))
      }),
    )
  }
  return out
}

/**
 * The notes on a decoded token that decoding leaves to the checks: JWE_ENCRYPTED, UNSECURED_JWT,
 * UNENCODED_PAYLOAD, DETACHED_PAYLOAD, NESTED_JWT, NESTED_JWT_WITHOUT_CTY, PAYLOAD_OTHER_CONTENT,
 * PAYLOAD_NOT_JSON, SD_JWT, and, for the header
 * and the claims, JSON_DUPLICATE_MEMBER, JSON_NUMBER_PRECISION and JSON_NUMBER_OUT_OF_RANGE, with
 * the spans decoding would have given them. All are warnings or notes: none changes
 * `wellFormed`. Nothing for a token that hasDecodingNotes() says has none. Never throws.
 */
export function decodingNotes(decoded: DecodedToken): Diagnostic[] {
  const [headerSeg, payloadSeg] = decoded.segments
  const out = formNotes(decoded)
  if (decoded.header && headerSeg) out.push(...jsonNotes(decoded.header, headerSeg))
  if (decoded.payload.kind === 'claims' && payloadSeg) out.push(...jsonNotes(decoded.payload.json, payloadSeg))
  return out
}
