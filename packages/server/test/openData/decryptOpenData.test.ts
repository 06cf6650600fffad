import { createCipheriv, randomBytes } from 'node:crypto'
import { decryptOpenData, type DecryptOpenDataOptions, type OpenDataError } from '@opengid/server'
import { encryptOpenData } from '@opengid/server/dev'
import { openDataFailure } from '../support/outcome'

const APP_ID = 'wx1234567890abcdef'
const sessionKey = randomBytes(16).toString('base64')
const NOW = Date.UTC(2024, 0, 1)
const nowSeconds = NOW / 1000

function sealed(payload: unknown, key = sessionKey): DecryptOpenDataOptions {
  return { sessionKey: key, ...encryptOpenData(key, payload) }
}

function failure(options: DecryptOpenDataOptions): OpenDataError {
  return openDataFailure(() => decryptOpenData(options))
}

describe('decryptOpenData', () => {
  test('returns the JSON object, unknown keys included', () => {
    const payload = { opengid: 'G1', chat_type: 3, a_new_field: { nested: [1, 2] } }
    expect(decryptOpenData(sealed(payload))).toEqual(payload)
  })

  test("turns spaces back into '+' (a base64 value mangled by form encoding)", () => {
    let options = sealed({ opengid: 'G' })
    while (!options.encryptedData.includes('+')) options = sealed({ opengid: `G${Math.random()}` })
    const mangled = { ...options, encryptedData: options.encryptedData.replace(/\+/g, ' ') }
    expect(decryptOpenData(mangled)).toEqual(decryptOpenData(options))
  })

  describe('validates input before decrypting', () => {
    const good = sealed({ opengid: 'G' })
    test.each([
      ['encryptedData with a stray character', { encryptedData: `${good.encryptedData.slice(0, -4)}*AA=` }],
      ['encryptedData without its padding', { encryptedData: good.encryptedData.replace(/=+$/, 'A') }],
      ['encryptedData with a newline', { encryptedData: `${good.encryptedData}\n` }],
      ['url-safe base64', { encryptedData: good.encryptedData.replace(/\+/g, '-').replace(/\//g, '_') + '-_' }],
      ['an empty ciphertext', { encryptedData: '' }],
      ['a ciphertext of 15 bytes', { encryptedData: randomBytes(15).toString('base64') }],
      ['a ciphertext over 64 KiB', { encryptedData: randomBytes(64 * 1024 + 16).toString('base64') }],
      ['an iv of 15 bytes', { iv: randomBytes(15).toString('base64') }],
      ['an iv of 17 bytes', { iv: randomBytes(17).toString('base64') }],
      ['a non-string iv', { iv: 7 as unknown as string }],
    ])('%s is BAD_INPUT', (_name, change) => {
      expect(failure({ ...good, ...change }).code).toBe('BAD_INPUT')
    })

    test.each([
      ['a key of 15 bytes', randomBytes(15).toString('base64')],
      ['a key of 24 bytes', randomBytes(24).toString('base64')],
      ['a key that is not base64', 'not a key at all!!!!!!!'],
    ])('%s is BAD_KEY', (_name, key) => {
      expect(failure({ ...good, sessionKey: key }).code).toBe('BAD_KEY')
    })

    test('a ciphertext of exactly 64 KiB is accepted', () => {
      // 28 bytes of JSON around the filler, and one byte left for the padding.
      const big = { opengid: 'G', filler: 'x'.repeat(64 * 1024 - 29) }
      const options = sealed(big)
      expect(Buffer.from(options.encryptedData, 'base64').length).toBe(64 * 1024)
      expect(decryptOpenData(options)).toEqual(big)
    })
  })

  test('a wrong key is always a typed failure: DECRYPT (bad padding) or NOT_JSON (garbage that pads)', () => {
    const options = sealed({ opengid: 'G-secret-group' })
    const codes = new Set<string>()
    for (let i = 0; i < 4000; i += 1) {
      codes.add(failure({ ...options, sessionKey: randomBytes(16).toString('base64') }).code)
    }
    expect([...codes].sort()).toEqual(['DECRYPT', 'NOT_JSON'])
  })

  test.each([
    ['a JSON array', [1, 2, 3]],
    ['a JSON string', 'opengid'],
    ['JSON null', null],
  ])('%s is NOT_JSON: only an object is open data', (_name, payload) => {
    expect(failure(sealed(payload)).code).toBe('NOT_JSON')
  })

  test('plaintext that is not UTF-8 is NOT_JSON', () => {
    const iv = randomBytes(16)
    const cipher = createCipheriv('aes-128-cbc', Buffer.from(sessionKey, 'base64'), iv)
    const ciphertext = Buffer.concat([cipher.update(Buffer.from('{"opengid":"\xff"}', 'latin1')), cipher.final()])
    const options = { sessionKey, encryptedData: ciphertext.toString('base64'), iv: iv.toString('base64') }
    expect(failure(options).code).toBe('NOT_JSON')
  })

  // The padding is checked by this package (see decrypt()): each way PKCS#7 can be wrong.
  test.each([
    ['a last byte of 0', (json: Buffer) => Buffer.concat([json, Buffer.alloc(16 - (json.length % 16), 0)])],
    ['a last byte over 16', (json: Buffer) => Buffer.concat([json, Buffer.alloc(16 - (json.length % 16), 17)])],
    [
      'pad bytes that disagree',
      (json: Buffer) => {
        const n = 16 - (json.length % 16) || 16
        const pad = Buffer.alloc(n, n)
        pad[0] = n === 1 ? pad[0] : n - 1
        return Buffer.concat([json, pad])
      },
    ],
  ])('padding with %s is DECRYPT', (_name, pad) => {
    const iv = randomBytes(16)
    // 13 bytes of JSON leave 3 bytes of padding to get wrong.
    const padded = pad(Buffer.from('{"opengid":1}'))
    const cipher = createCipheriv('aes-128-cbc', Buffer.from(sessionKey, 'base64'), iv).setAutoPadding(false)
    const ciphertext = Buffer.concat([cipher.update(padded), cipher.final()])
    const options = { sessionKey, encryptedData: ciphertext.toString('base64'), iv: iv.toString('base64') }
    expect(failure(options).code).toBe('DECRYPT')
  })

  test('a whole block of padding (plaintext a multiple of 16 bytes) is removed', () => {
    const json = '{"opengid":"G_SIXTEEN_BYTES___"}'
    expect(Buffer.byteLength(json) % 16).toBe(0)
    expect(decryptOpenData(sealed(JSON.parse(json)))).toEqual({ opengid: 'G_SIXTEEN_BYTES___' })
  })

  describe('watermark rules', () => {
    const marked = (watermark: unknown) => sealed({ openGId: 'G', watermark })

    test('an absent watermark is accepted even with appId and maxAgeSeconds set', () => {
      expect(decryptOpenData({ ...sealed({ opengid: 'G' }), appId: APP_ID, maxAgeSeconds: 1, now: NOW })).toEqual({
        opengid: 'G',
      })
    })

    test('a matching appid is accepted; another is APPID_MISMATCH', () => {
      const options = marked({ appid: APP_ID, timestamp: nowSeconds })
      expect(decryptOpenData({ ...options, appId: APP_ID }).openGId).toBe('G')
      expect(failure({ ...options, appId: 'wxsomeoneelse0000' }).code).toBe('APPID_MISMATCH')
    })

    test('a watermark without an appid does not pass an appId check', () => {
      expect(failure({ ...marked({ timestamp: nowSeconds }), appId: APP_ID }).code).toBe('APPID_MISMATCH')
    })

    test('without appId the watermark appid is not checked', () => {
      expect(decryptOpenData(marked({ appid: 'wxany', timestamp: 0 })).openGId).toBe('G')
    })

    test('age: at the limit is accepted, past it is EXPIRED', () => {
      const options = { ...marked({ appid: APP_ID, timestamp: nowSeconds - 300 }), maxAgeSeconds: 300 }
      expect(decryptOpenData({ ...options, now: NOW }).openGId).toBe('G')
      expect(failure({ ...options, now: NOW + 1000 }).code).toBe('EXPIRED')
    })

    test('future timestamps: up to 60 s of clock skew is accepted, beyond it is EXPIRED', () => {
      const at = (seconds: number) => ({
        ...marked({ appid: APP_ID, timestamp: seconds }),
        maxAgeSeconds: 300,
        now: NOW,
      })
      expect(decryptOpenData(at(nowSeconds + 60)).openGId).toBe('G')
      expect(failure(at(nowSeconds + 61)).code).toBe('EXPIRED')
    })

    test('with maxAgeSeconds, a watermark without a usable timestamp is EXPIRED', () => {
      expect(failure({ ...marked({ appid: APP_ID }), maxAgeSeconds: 300, now: NOW }).code).toBe('EXPIRED')
      expect(failure({ ...marked({ appid: APP_ID, timestamp: '1700000000' }), maxAgeSeconds: 300 }).code).toBe(
        'EXPIRED',
      )
    })

    test('without maxAgeSeconds the age is not checked', () => {
      expect(decryptOpenData({ ...marked({ appid: APP_ID, timestamp: 1 }), appId: APP_ID }).openGId).toBe('G')
    })

    test('now defaults to the real clock', () => {
      const fresh = marked({ appid: APP_ID, timestamp: Math.floor(Date.now() / 1000) })
      expect(decryptOpenData({ ...fresh, maxAgeSeconds: 60 }).openGId).toBe('G')
    })

    // NaN would make every age comparison false: data of any age, timestamp 0 included, would pass.
    test.each([
      ['maxAgeSeconds NaN', { maxAgeSeconds: Number.NaN }],
      ['maxAgeSeconds Infinity', { maxAgeSeconds: Infinity }],
      ['maxAgeSeconds -1', { maxAgeSeconds: -1 }],
      ['now NaN', { maxAgeSeconds: 60, now: Number.NaN }],
      ['now Infinity', { maxAgeSeconds: 60, now: Infinity }],
    ])('%s is a TypeError, with or without a watermark, before any decryption', (_name, policy) => {
      const old = marked({ appid: APP_ID, timestamp: 0 })
      expect(() => decryptOpenData({ ...old, ...policy })).toThrow(TypeError)
      expect(() => decryptOpenData({ ...sealed({ opengid: 'G' }), ...policy })).toThrow(TypeError)
      expect(() => decryptOpenData({ ...old, ...policy, sessionKey: 'not a key' })).toThrow(TypeError)
    })
  })

  test('no failure message carries the session key or the plaintext', () => {
    const plaintextMarker = 'G-PLAINTEXT-MARKER'
    const cases: DecryptOpenDataOptions[] = [
      { ...sealed({ opengid: plaintextMarker }), sessionKey: randomBytes(16).toString('base64') },
      { ...sealed([plaintextMarker]) },
      { ...sealed({ openGId: plaintextMarker, watermark: { appid: 'wxother', timestamp: 1 } }), appId: APP_ID },
      { ...sealed({ openGId: plaintextMarker, watermark: { appid: APP_ID, timestamp: 1 } }), maxAgeSeconds: 5 },
      { ...sealed({ opengid: plaintextMarker }), sessionKey: `${sessionKey.slice(0, -4)}` },
    ]
    for (const options of cases) {
      const error = failure(options)
      expect(error.message).not.toContain(options.sessionKey)
      expect(error.message).not.toContain(plaintextMarker)
      expect(String(error.stack)).not.toContain(options.sessionKey)
    }
  })
})
