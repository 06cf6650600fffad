import {
  createFetchHandler,
  createNodeHandler,
  memorySessionStore,
  verifyGroupTicket,
  type SessionStore,
} from '@opengid/server'
import { groupAnswer, sessionOf } from './support/answers'
import { APP_ID, CREDENTIALS, SECRET, TICKET_SECRET, newUser, secretsOf, servedFake } from './support/fixtures'
import { postJson } from './support/http'
import { serve, type Served } from './support/serve'

const wechat = servedFake()
const { fake } = wechat

/** A memory store that records every call, to see what the handler asked of it. */
function watchedStore() {
  const inner = memorySessionStore()
  const calls: string[] = []
  const store: SessionStore = {
    get: (id) => (calls.push(`get ${id}`), inner.get(id)),
    set: (id, record) => (calls.push(`set ${id}`), inner.set(id, record)),
    delete: (id) => (calls.push(`delete ${id}`), inner.delete(id)),
  }
  return { store, calls, inner }
}

describe('the warm path through createNodeHandler', () => {
  const watched = watchedStore()
  let api: Served
  beforeAll(async () => {
    api = await serve(createNodeHandler({ ...CREDENTIALS, endpoint: wechat.url, sessions: watched.store }))
  })
  afterAll(() => api.close())

  test('a code starts a session; the session then resolves without code2Session and keeps its id', async () => {
    const user = newUser()
    const cold = await postJson(api.url, fake.clientRequest(user, { opengid: 'G-cold', chatType: 4 }))
    expect(cold.json).toEqual(groupAnswer({ opengid: 'G-cold', chatType: 4 }))
    const session = sessionOf(cold)
    expect(await watched.inner.get(session)).toEqual({ openid: expect.any(String), sessionKey: fake.sessionKey(user) })

    const exchanges = fake.exchanges
    const warm = await postJson(api.url, fake.sessionRequest(user, session, { opengid: 'G-warm' }))
    expect(warm.json).toEqual(groupAnswer({ opengid: 'G-warm', chatType: 3 }))
    expect(warm.json.session).toBe(session)
    expect(fake.exchanges).toBe(exchanges)
  })

  test('the ticket of either path names the user and the group, and verifies', async () => {
    const user = newUser()
    const before = Date.now()
    const cold = await postJson(api.url, fake.clientRequest(user, { opengid: 'G-ticket', groupOpenid: 'o-gop' }))
    const warm = await postJson(api.url, fake.sessionRequest(user, sessionOf(cold), { opengid: 'G-next' }))
    for (const [answer, opengid] of [
      [cold, 'G-ticket'],
      [warm, 'G-next'],
    ] as const) {
      const claims = await verifyGroupTicket(answer.json.ticket, { ticketSecret: TICKET_SECRET, appId: APP_ID })
      expect(claims).toMatchObject({ opengid, chatType: 3, expiresAt: answer.json.ticketExpiresAt })
      expect(claims.openid).toMatch(/^o/)
      expect(claims.issuedAt).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000)
      expect(claims.expiresAt - claims.issuedAt).toBe(7200_000)
    }
    expect(
      fake.userOf((await verifyGroupTicket(cold.json.ticket, { ticketSecret: TICKET_SECRET, appId: APP_ID })).openid),
    ).toBe(user)
  })

  test('each login starts a session of its own: 192 random bits, never reused', async () => {
    const sessions = new Set<string>()
    for (let i = 0; i < 20; i++) {
      sessions.add(sessionOf(await postJson(api.url, fake.clientRequest(newUser(), { opengid: 'G' }))))
    }
    expect(sessions.size).toBe(20)
  })

  test('a malformed session id is refused without asking the store', async () => {
    watched.calls.length = 0
    const answer = await postJson(api.url, fake.sessionRequest(newUser(), 'x'.repeat(200), { opengid: 'G' }))
    expect(answer.json.error?.code).toBe('SESSION_EXPIRED')
    expect(watched.calls).toEqual([])
  })

  test('data that fails under a stored session deletes it', async () => {
    const user = newUser()
    const session = sessionOf(await postJson(api.url, fake.clientRequest(user, { opengid: 'G' })))
    watched.calls.length = 0
    const foreign = fake.encryptGroup(newUser(), { opengid: 'G-foreign' })
    const answer = await postJson(api.url, { session, ...foreign, source: 'getGroupEnterInfo' })
    expect(answer.status).toBe(401)
    expect(watched.calls).toEqual([`get ${session}`, `delete ${session}`])
    expect(await watched.inner.get(session)).toBeUndefined()
  })

  test('ticketTtlSeconds sets the ticket’s life', async () => {
    const short = await serve(createNodeHandler({ ...CREDENTIALS, endpoint: wechat.url, ticketTtlSeconds: 60 }))
    try {
      const { json } = await postJson(short.url, fake.clientRequest(newUser(), { opengid: 'G' }))
      expect(json.ticketExpiresAt).toBeLessThanOrEqual(Date.now() + 60_000)
      expect(json.ticketExpiresAt).toBeGreaterThan(Date.now() + 55_000)
    } finally {
      await short.close()
    }
  })
})

test('two handlers with their own memory stores do not share sessions (use redisSessionStore for that)', async () => {
  const options = { ...CREDENTIALS, endpoint: wechat.url }
  const [a, b] = [createFetchHandler(options), createFetchHandler(options)]
  const post = (handle: typeof a, body: unknown) =>
    handle(
      new Request('http://127.0.0.1/', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      }),
    )
  const user = newUser()
  const { session } = await (await post(a, fake.clientRequest(user, { opengid: 'G' }))).json()
  const other = await post(b, fake.sessionRequest(user, session, { opengid: 'G' }))
  expect(other.status).toBe(401)
  expect((await other.json()).error.code).toBe('SESSION_EXPIRED')
  expect((await post(a, fake.sessionRequest(user, session, { opengid: 'G' }))).status).toBe(200)
})

test.each([
  ['a number', 42],
  ['text that is not JSON', 'not json'],
  ['an array', [{ openid: 'o-someone', sessionKey: 'a2V5' }]],
  ['a record without its session key', { openid: 'o-someone' }],
])('a custom store that answers %s has no session: 401 SESSION_EXPIRED', async (_name, stored) => {
  const odd: SessionStore = {
    get: async () => stored as never,
    set: async () => undefined,
    delete: async () => undefined,
  }
  const handle = createFetchHandler({ ...CREDENTIALS, endpoint: wechat.url, sessions: odd })
  const answer = await handle(
    new Request('http://127.0.0.1/', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(fake.sessionRequest(newUser(), 'A'.repeat(32), { opengid: 'G' })),
    }),
  )
  expect(answer.status).toBe(401)
  expect((await answer.json()).error.code).toBe('SESSION_EXPIRED')
})

describe('a session store that fails', () => {
  const failure = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:6379'), {
    code: 'ECONNREFUSED',
    // What ioredis attaches to a failed command: its arguments, session key included.
    command: { name: 'set', args: ['opengid:session:x', JSON.stringify({ sessionKey: 'LEAKED-KEY' })] },
  })
  const broken: SessionStore = {
    get: () => Promise.reject(failure),
    set: () => Promise.reject(failure),
    delete: () => Promise.reject(failure),
  }

  test('is 503 SESSIONS_UNAVAILABLE; the report quotes neither the command nor a key', async () => {
    const reported: unknown[] = []
    const api = await serve(
      createNodeHandler({
        ...CREDENTIALS,
        endpoint: wechat.url,
        sessions: broken,
        onInternalError: (error) => reported.push(error),
      }),
    )
    try {
      const cold = await postJson(api.url, fake.clientRequest(newUser(), { opengid: 'G' }))
      const warm = await postJson(api.url, fake.sessionRequest(newUser(), 'A'.repeat(32), { opengid: 'G' }))
      for (const answer of [cold, warm]) {
        expect(answer.status).toBe(503)
        expect(answer.json).toEqual({ error: { code: 'SESSIONS_UNAVAILABLE', message: expect.any(String) } })
      }
      expect(reported).toHaveLength(2)
      const logged = reported.map((error) => JSON.stringify(error) + String(error)).join('\n')
      expect(logged).toContain('ECONNREFUSED')
      for (const secret of ['LEAKED-KEY', ...secretsOf(fake)]) {
        expect(logged + cold.text + warm.text).not.toContain(secret)
      }
    } finally {
      await api.close()
    }
  })
})

describe('handler options are checked at creation', () => {
  test.each([
    ['no ticketSecret', { appId: APP_ID, secret: SECRET }],
    ['a ticketSecret under 32 bytes', { ...CREDENTIALS, ticketSecret: 'too-short' }],
    [
      'the AppSecret as ticketSecret',
      { ...CREDENTIALS, ticketSecret: SECRET.padEnd(40, '0'), secret: SECRET.padEnd(40, '0') },
    ],
    ['a bodyTimeoutMs of 0', { ...CREDENTIALS, bodyTimeoutMs: 0 }],
    ['a ticketTtlSeconds of NaN', { ...CREDENTIALS, ticketTtlSeconds: Number.NaN }],
  ])('%s is a TypeError', (_name, options) => {
    expect(() => createNodeHandler(options as Parameters<typeof createNodeHandler>[0])).toThrow(TypeError)
  })
})
