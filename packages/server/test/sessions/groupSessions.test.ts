import {
  createFetchHandler,
  createNodeHandler,
  memorySessionStore,
  verifyGroupTicket,
  type SessionStore,
} from '@opengid/server'
import { groupAnswer, sessionOf } from '../support/answers'
import { APP_ID, CREDENTIALS, TICKET_SECRET, newUser, servedFake } from '../support/fixtures'
import { postJson } from '../support/http'
import { serve, type Served } from '../support/serve'

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
