import type { GroupOrRoom } from './answers'
import type { FakeWeChat } from '@opengid/server/dev'
import { MAX_CREDENTIAL_LENGTH } from '../../src/shared/wire'
import { clientBody, newUser } from './fixtures'
import type { RawRequest } from './http'

/**
 * One request and the answer a client relies on. The same table runs
 * through the node handler over HTTP and through the fetch handler, which
 * are configured alike: CREDENTIALS, maxAgeSeconds 300, the fake as endpoint.
 * A 200 also carries a ticket and a session (support/answers).
 */
export interface RequestCase {
  name: string
  status: number
  /** error.code of an error answer. */
  code?: string
  /** The 200 answer. */
  group?: GroupOrRoom
  request(fake: FakeWeChat): RawRequest
}

export const MAX_AGE_SECONDS = 300
const nowSeconds = () => Math.floor(Date.now() / 1000)
const json = (body: unknown): RawRequest => ({ body: JSON.stringify(body) })

export const requestCases: RequestCase[] = [
  {
    name: 'a getGroupEnterInfo payload resolves with its snake_case extras',
    status: 200,
    group: { opengid: 'G-enter', chatType: 4, groupOpenid: 'o-in-group' },
    request: (fake) => json(clientBody(fake, { opengid: 'G-enter', chatType: 4, groupOpenid: 'o-in-group' })),
  },
  {
    name: 'a getGroupEnterInfo payload with a fresh watermark resolves',
    status: 200,
    group: { opengid: 'G-marked', chatType: 3 },
    request: (fake) => json(clientBody(fake, { opengid: 'G-marked', watermark: true })),
  },
  {
    name: 'a getShareInfo (openGId) payload resolves',
    status: 200,
    group: { opengid: 'G-share' },
    request: (fake) => json(clientBody(fake, { opengid: 'G-share', source: 'getShareInfo' })),
  },
  {
    name: 'a JSON content type with a charset is accepted',
    status: 200,
    group: { opengid: 'G-charset', chatType: 3 },
    request: (fake) => ({
      contentType: 'application/json; charset=utf-8',
      body: JSON.stringify(clientBody(fake, { opengid: 'G-charset' })),
    }),
  },
  {
    name: 'a watermark up to 60 s in the future is clock skew, accepted',
    status: 200,
    group: { opengid: 'G-skew' },
    request: (fake) =>
      json(clientBody(fake, { opengid: 'G-skew', source: 'getShareInfo', timestamp: nowSeconds() + 30 })),
  },
  {
    name: 'WeChat busy once is retried',
    status: 200,
    group: { opengid: 'G-busy-once', chatType: 3 },
    request: (fake) => {
      fake.failNext(-1)
      return json(clientBody(fake, { opengid: 'G-busy-once' }))
    },
  },
  { name: 'malformed JSON', status: 400, code: 'BAD_INPUT', request: () => ({ body: '{"code":' }) },
  {
    name: 'both a code and a session',
    status: 400,
    code: 'BAD_INPUT',
    request: (fake) => json({ ...clientBody(fake, { opengid: 'G' }), session: 'A'.repeat(32) }),
  },
  // An unreadable session is an unknown one: the answer the client heals on (issue 19, a
  // stored session over 256 characters got BAD_INPUT on every launch and never logged in again).
  ...[
    ['not a string', 42],
    ['empty', ''],
    [`over ${MAX_CREDENTIAL_LENGTH} characters`, 'A'.repeat(MAX_CREDENTIAL_LENGTH + 1)],
  ].map(([what, session]): RequestCase => ({
    name: `a session that is ${what}`,
    status: 401,
    code: 'SESSION_EXPIRED',
    request: (fake) => {
      const { code: _code, ...rest } = clientBody(fake, { opengid: 'G' })
      return json({ ...rest, session })
    },
  })),
  {
    name: `a code over ${MAX_CREDENTIAL_LENGTH} characters`,
    status: 400,
    code: 'BAD_INPUT',
    request: (fake) => json({ ...clientBody(fake, { opengid: 'G' }), code: 'c'.repeat(MAX_CREDENTIAL_LENGTH + 1) }),
  },
  {
    name: 'a session this server never made',
    status: 401,
    code: 'SESSION_EXPIRED',
    request: (fake) => json(fake.sessionRequest(newUser(), 'A'.repeat(32), { opengid: 'G' })),
  },
  {
    name: 'a session id of another shape than the ones this server makes',
    status: 401,
    code: 'SESSION_EXPIRED',
    request: (fake) => json(fake.sessionRequest(newUser(), 'not/a:session', { opengid: 'G' })),
  },
  { name: 'an empty body', status: 400, code: 'BAD_INPUT', request: () => ({ body: '' }) },
  { name: 'a JSON array body', status: 400, code: 'BAD_INPUT', request: () => json([1, 2]) },
  {
    name: 'a missing code',
    status: 400,
    code: 'BAD_INPUT',
    request: (fake) => {
      const { code: _code, ...rest } = clientBody(fake, { opengid: 'G' })
      return json(rest)
    },
  },
  {
    name: 'a non-string encryptedData',
    status: 400,
    code: 'BAD_INPUT',
    request: (fake) => json({ ...clientBody(fake, { opengid: 'G' }), encryptedData: 42 }),
  },
  {
    name: 'encryptedData that is not base64',
    status: 400,
    code: 'BAD_INPUT',
    request: (fake) => json({ ...clientBody(fake, { opengid: 'G' }), encryptedData: 'not*base64!' }),
  },
  {
    name: 'url-safe base64 (not standard)',
    status: 400,
    code: 'BAD_INPUT',
    request: (fake) => json({ ...clientBody(fake, { opengid: 'G' }), encryptedData: '_-_-_-_-_-_-_-_-_-_-_-==' }),
  },
  {
    name: 'an iv of 12 bytes',
    status: 400,
    code: 'BAD_INPUT',
    request: (fake) => json({ ...clientBody(fake, { opengid: 'G' }), iv: Buffer.alloc(12).toString('base64') }),
  },
  {
    name: 'a ciphertext that is not a whole number of blocks',
    status: 400,
    code: 'BAD_INPUT',
    request: (fake) =>
      json({ ...clientBody(fake, { opengid: 'G' }), encryptedData: Buffer.alloc(20).toString('base64') }),
  },
  {
    name: 'an unknown source',
    status: 400,
    code: 'BAD_INPUT',
    request: (fake) => json({ ...clientBody(fake, { opengid: 'G' }), source: 'getGroupInfo' }),
  },
  {
    name: 'data fetched before a later login (the ordering bug)',
    status: 400,
    code: 'DECRYPT',
    request: (fake) => {
      const user = newUser()
      fake.login(user)
      const data = fake.encryptGroup(user, { opengid: 'G-early' })
      return json({ code: fake.login(user), ...data, source: 'getGroupEnterInfo' })
    },
  },
  {
    name: "another user's data with this user's code",
    status: 400,
    code: 'DECRYPT',
    request: (fake) => {
      const { encryptedData, iv } = clientBody(fake, { opengid: 'G-other' })
      return json({ ...clientBody(fake, { opengid: 'G-mine' }), encryptedData, iv })
    },
  },
  {
    name: 'a code WeChat never issued',
    status: 401,
    code: 'INVALID_CODE',
    request: (fake) => json({ ...clientBody(fake, { opengid: 'G' }), code: 'made-up-code' }),
  },
  {
    name: 'WeChat rate-limits the user (45011)',
    status: 429,
    code: 'RATE_LIMITED',
    request: (fake) => {
      fake.failNext(45011)
      return json(clientBody(fake, { opengid: 'G' }))
    },
  },
  {
    name: 'WeChat blocks a high-risk user (40226)',
    status: 403,
    code: 'HIGH_RISK',
    request: (fake) => {
      fake.failNext(40226)
      return json(clientBody(fake, { opengid: 'G' }))
    },
  },
  {
    name: 'WeChat stays busy (-1 twice)',
    status: 503,
    code: 'WECHAT_UNAVAILABLE',
    request: (fake) => {
      fake.failNext(-1)
      fake.failNext(-1)
      return json(clientBody(fake, { opengid: 'G' }))
    },
  },
  { name: 'a GET', status: 405, code: 'METHOD_NOT_ALLOWED', request: () => ({ method: 'GET' }) },
  {
    name: 'a form-encoded body',
    status: 415,
    code: 'UNSUPPORTED_MEDIA_TYPE',
    request: () => ({ contentType: 'application/x-www-form-urlencoded', body: 'code=x' }),
  },
  {
    name: 'no content type',
    status: 415,
    code: 'UNSUPPORTED_MEDIA_TYPE',
    request: (fake) => ({ contentType: null, body: JSON.stringify(clientBody(fake, { opengid: 'G' })) }),
  },
  {
    name: 'a body over 16 KiB',
    status: 413,
    code: 'PAYLOAD_TOO_LARGE',
    request: (fake) => json({ ...clientBody(fake, { opengid: 'G' }), padding: 'x'.repeat(17 * 1024) }),
  },
  {
    name: 'decryptable data without a group',
    status: 400,
    code: 'DECRYPT',
    request: (fake) => json(clientBody(fake, { opengid: '' })),
  },
  {
    name: 'a single-chat launch (open_single_roomid only)',
    status: 400,
    code: 'DECRYPT',
    request: (fake) => json(clientBody(fake, { opengid: '', chatType: 1, openSingleRoomid: 'room-1' })),
  },
  {
    name: 'a watermark older than maxAgeSeconds',
    status: 400,
    code: 'DECRYPT',
    request: (fake) =>
      json(clientBody(fake, { opengid: 'G', source: 'getShareInfo', timestamp: nowSeconds() - MAX_AGE_SECONDS - 5 })),
  },
  {
    name: 'a watermark more than 60 s in the future',
    status: 400,
    code: 'DECRYPT',
    request: (fake) => json(clientBody(fake, { opengid: 'G', watermark: true, timestamp: nowSeconds() + 120 })),
  },
  {
    name: "a watermark of another Mini Program's appid",
    status: 400,
    code: 'DECRYPT',
    request: (fake) => json(clientBody(fake, { opengid: 'G', source: 'getShareInfo', appId: 'wxanotherapp00000' })),
  },
  {
    name: 'an opengid WeChat would never issue (not [A-Za-z0-9_-])',
    status: 400,
    code: 'DECRYPT',
    request: (fake) => json(clientBody(fake, { opengid: 'G<script>' })),
  },
  {
    name: 'a group_openid WeChat would never issue',
    status: 400,
    code: 'DECRYPT',
    request: (fake) => json(clientBody(fake, { opengid: 'G-fine', groupOpenid: 'o in group' })),
  },
  {
    name: 'an opengid longer than 64 characters',
    status: 400,
    code: 'DECRYPT',
    request: (fake) => json(clientBody(fake, { opengid: 'G'.repeat(65) })),
  },
]
