import fc from 'fast-check'
import { decodeBase64 } from '../../src/openData/base64'

// The definition the length-based check must agree with: padded standard base64.
const STANDARD = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/

const nearBase64 = fc.string({
  unit: fc.constantFrom(...'ABCXYZabcxyz0189+/=-_ !.\n\u00e9\u4e2d'.split('')),
  maxLength: 24,
})

it.each([
  ['AA=A', 'a = before the end'],
  ['A===', 'three padding characters'],
  ['AAAA=AAA', 'padding in the middle'],
  ['AB-_', 'the URL-safe alphabet'],
  ['AA!A', 'a character outside the alphabet'],
  ['AAA', 'a length that is not a multiple of 4'],
  ['AAAA\nAAA', 'a line break'],
])('rejects %s (%s)', (text) => {
  expect(decodeBase64(text)).toBeUndefined()
})

it("reads spaces as '+' before checking", () => {
  expect(decodeBase64('ab c')).toEqual(Buffer.from('ab+c', 'base64'))
})

// 5000 runs: about a second alone, several on a busy 2-core machine.
it('accepts exactly what the standard alphabet regex accepts, and decodes it like Buffer.from', () => {
  fc.assert(
    fc.property(
      fc.oneof(
        nearBase64,
        fc.uint8Array({ maxLength: 40 }).map((b) => Buffer.from(b).toString('base64')),
      ),
      (raw) => {
        const text = raw.replace(/ /g, '+')
        const decoded = decodeBase64(raw)
        if (STANDARD.test(text)) expect(decoded).toEqual(Buffer.from(text, 'base64'))
        else expect(decoded).toBeUndefined()
      },
    ),
    { numRuns: 5000 },
  )
}, 30_000)
