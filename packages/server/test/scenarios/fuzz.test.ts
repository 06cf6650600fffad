import { createCipheriv, randomBytes } from 'node:crypto'
import fc from 'fast-check'
import { createNodeHandler, decryptGroupInfo, decryptOpenData, OpenDataError } from '@opengid/server'
import { groupAnswer, roomOf } from '../support/answers'
import { CREDENTIALS, clientBody, servedFake } from '../support/fixtures'
import { send } from '../support/http'
import { outcome } from '../support/outcome'
import { serve, type Served } from '../support/serve'

const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64')

// Fixed key, iv and seed: CBC has no integrity check, so a tampered
// ciphertext could in principle decrypt to a valid other opengid (odds about
// 1e-7 per case); a deterministic run never flickers on that.
const KEY = Buffer.alloc(16, 7)
const IV = Buffer.alloc(16, 9)
const OPENGID = 'GxH3aBc9dEfGhIjKlMnOpQrStUvW'
const PLAINTEXT = JSON.stringify({ opengid: OPENGID, open_single_roomid: '', group_openid: '', chat_type: 3 })
const cipher = createCipheriv('aes-128-cbc', KEY, IV)
const CIPHERTEXT = Buffer.concat([cipher.update(PLAINTEXT, 'utf8'), cipher.final()])
const GENUINE = { sessionKey: b64(KEY), encryptedData: b64(CIPHERTEXT), iv: b64(IV) }
const SEED = { seed: 20240601 }
// Each test runs its property a fixed number of times (numRuns below). Thousands
// of decryptions take about a second alone, but much longer on a busy 2-core CI
// machine; hundreds of HTTP round trips through a code2Session each, longer still.
const PURE_TIMEOUT_MS = 60_000
const HTTP_TIMEOUT_MS = 120_000

/** Flips bits and cuts bytes (or whole blocks) from either end: the ways data gets mangled in transit or by hand. */
const tampering = fc.oneof(
  // Flipped bits get past base64 and length checks, so they test the decryption itself.
  {
    weight: 3,
    arbitrary: fc.record({
      flips: fc.array(fc.nat(), { maxLength: 3 }),
      cutStart: fc.constant(0),
      cutEnd: fc.constant(0),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      flips: fc.constant([]),
      cutStart: fc.nat(4).map((n) => n * 16),
      cutEnd: fc.nat(4).map((n) => n * 16),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ flips: fc.array(fc.nat(), { maxLength: 3 }), cutStart: fc.nat(), cutEnd: fc.nat() }),
  },
)

function tamper(
  bytes: Buffer,
  { flips, cutStart, cutEnd }: { flips: number[]; cutStart: number; cutEnd: number },
): Buffer {
  const copy = Buffer.from(bytes)
  for (const bit of flips) copy[(bit >> 3) % copy.length] ^= 1 << (bit & 7)
  const start = cutStart % (copy.length + 1)
  return copy.subarray(start, Math.max(start, copy.length - (cutEnd % (copy.length + 1))))
}

describe('decryptOpenData never fails untyped', () => {
  test(
    'random strings in every field',
    () => {
      fc.assert(
        fc.property(fc.string(), fc.string(), fc.string(), (sessionKey, encryptedData, iv) => {
          expect(outcome(() => decryptOpenData({ sessionKey, encryptedData, iv }))).toBeInstanceOf(OpenDataError)
        }),
        { numRuns: 1500 },
      )
    },
    PURE_TIMEOUT_MS,
  )

  test(
    'valid base64 of random bytes and lengths',
    () => {
      const bytes = (max: number) => fc.uint8Array({ maxLength: max }).map(b64)
      fc.assert(
        fc.property(bytes(24), bytes(128), bytes(24), (sessionKey, encryptedData, iv) => {
          expect(outcome(() => decryptOpenData({ sessionKey, encryptedData, iv }))).toBeInstanceOf(OpenDataError)
        }),
        { numRuns: 1500 },
      )
    },
    PURE_TIMEOUT_MS,
  )

  test(
    'wrong keys are DECRYPT or NOT_JSON',
    () => {
      fc.assert(
        fc.property(fc.uint8Array({ minLength: 16, maxLength: 16 }), (key) => {
          fc.pre(!KEY.equals(key))
          const result = outcome(() => decryptOpenData({ ...GENUINE, sessionKey: b64(key) }))
          expect(result).toBeInstanceOf(OpenDataError)
          expect(['DECRYPT', 'NOT_JSON']).toContain((result as OpenDataError).code)
        }),
        { numRuns: 1500 },
      )
    },
    PURE_TIMEOUT_MS,
  )

  test(
    'a tampered ciphertext is a typed error or, when untouched, the genuine group: never another opengid',
    () => {
      fc.assert(
        fc.property(tampering, (change) => {
          const encryptedData = b64(tamper(CIPHERTEXT, change))
          const result = outcome(() => decryptGroupInfo({ ...GENUINE, encryptedData }))
          if (!(result instanceof OpenDataError)) expect(result).toEqual(roomOf({ opengid: OPENGID, chatType: 3 }))
        }),
        { numRuns: 3000, ...SEED },
      )
    },
    PURE_TIMEOUT_MS,
  )

  test(
    'a tampered iv reaches only the first plaintext block: at most the first 4 opengid characters change',
    () => {
      fc.assert(
        fc.property(tampering, (change) => {
          const iv = b64(tamper(IV, change))
          const result = outcome(() => decryptGroupInfo({ ...GENUINE, iv }))
          if (!(result instanceof OpenDataError)) {
            expect(result.roomId).toHaveLength(OPENGID.length)
            expect(result.roomId.slice(4)).toBe(OPENGID.slice(4))
          }
        }),
        { numRuns: 1000, ...SEED },
      )
    },
    PURE_TIMEOUT_MS,
  )
})

describe('a running handler answers junk with typed 4xx JSON', () => {
  const wechat = servedFake()
  const { fake } = wechat
  let api: Served
  const internalErrors: unknown[] = []

  beforeAll(async () => {
    api = await serve(
      createNodeHandler({
        ...CREDENTIALS,
        endpoint: wechat.url,
        maxAgeSeconds: 300,
        onInternalError: (error) => internalErrors.push(error),
      }),
    )
  })
  afterAll(() => api.close())

  const anyValue = fc.oneof(fc.string(), fc.integer(), fc.constant(null), fc.jsonValue({ maxDepth: 2 }))
  const base64Of = (min: number, max: number) => fc.uint8Array({ minLength: min, maxLength: max }).map(b64)
  const junkBody = fc.oneof(
    fc.string({ maxLength: 300 }),
    fc.jsonValue({ maxDepth: 3 }).map((value) => JSON.stringify(value)),
    fc
      .record(
        {
          code: fc.oneof(fc.string({ maxLength: 40 }), anyValue),
          session: fc.oneof(fc.string({ maxLength: 40 }), anyValue),
          encryptedData: fc.oneof(base64Of(16, 96), fc.string(), anyValue),
          iv: fc.oneof(base64Of(16, 16), fc.string(), anyValue),
          cloudID: anyValue,
          source: fc.oneof(fc.constantFrom('getGroupEnterInfo', 'getShareInfo'), anyValue),
        },
        { requiredKeys: [] },
      )
      .map((value) => JSON.stringify(value)),
  )

  test(
    'random bodies',
    async () => {
      await fc.assert(
        fc.asyncProperty(junkBody, async (body) => {
          const answer = await send(api.url, { body })
          // 401: a code WeChat never issued (INVALID_CODE) or a session this server never made.
          expect([400, 401]).toContain(answer.status)
          expect(answer.json).toEqual({ error: { code: expect.any(String), message: expect.any(String) } })
        }),
        { numRuns: 600 },
      )
      expect(internalErrors).toEqual([])
    },
    HTTP_TIMEOUT_MS,
  )

  test(
    "a real client's body with its data tampered: typed 4xx or the genuine group",
    async () => {
      await fc.assert(
        fc.asyncProperty(tampering, fc.boolean(), async (change, tamperIv) => {
          const group = { opengid: `G-fuzz-${randomBytes(9).toString('hex')}`, chatType: 3 as const }
          const body = clientBody(fake, group)
          const field = tamperIv ? 'iv' : 'encryptedData'
          const tampered = { ...body, [field]: b64(tamper(Buffer.from(body[field], 'base64'), change)) }

          const answer = await send(api.url, { body: JSON.stringify(tampered) })
          if (answer.status === 200) {
            // Only the iv can reach the opengid without breaking the JSON (see above).
            if (tamperIv) expect(answer.json.opengid?.slice(4)).toBe(group.opengid.slice(4))
            else expect(answer.json).toEqual(groupAnswer(group))
          } else {
            expect(answer.json).toEqual({
              error: { code: expect.stringMatching(/^(BAD_INPUT|DECRYPT)$/), message: expect.any(String) },
            })
          }
        }),
        { numRuns: 300 },
      )
      expect(internalErrors).toEqual([])
    },
    HTTP_TIMEOUT_MS,
  )
})
