import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { decodeBase64Loose, encodeBase64url } from './base64.ts'

describe('encodeBase64url', () => {
  it.each([
    [[], ''],
    [[0xfb], '-w'],
    [[0xfb, 0xff], '-_8'],
    [[0xfb, 0xff, 0xbf], '-_-_'],
    [[0x4d, 0x61, 0x6e, 0x4d], 'TWFuTQ'],
  ])('encodes %j as %s, unpadded, in the URL alphabet', (bytes, text) => {
    expect(encodeBase64url(Uint8Array.from(bytes))).toBe(text)
  })

  it("agrees with Node's base64url for any bytes, and decodes back to them", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        const text = encodeBase64url(bytes)
        expect(text).toBe(Buffer.from(bytes).toString('base64url'))
        if (bytes.length > 0) expect(decodeBase64Loose(text)).toEqual(bytes)
      }),
      { numRuns: 500 },
    )
  })

  it('encodes a megabyte as Node does', () => {
    const bytes = Uint8Array.from({ length: 1_000_001 }, (_, i) => (i * 7919) & 255)
    expect(encodeBase64url(bytes)).toBe(Buffer.from(bytes).toString('base64url'))
  })
})
