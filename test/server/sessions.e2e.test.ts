import { createNodeHandler, redisSessionStore, verifyGroupTicket, type SessionStore } from '@opengid/server'
import { createFakeWeChat } from '@opengid/server/dev'
import { serve, type Served } from '../../packages/server/test/support/serve'
import { redisForSuite } from '../../packages/server/test/support/redisClients'
import { describeWithRedis, redisRuns } from '../../packages/server/test/support/redisSuite'
import { SESSION_STORAGE_KEY } from '../../packages/taro/src/core/session'
import { fetchRequest } from './support/fetchRequest'
import { launch, phoneOf, type Phone } from './support/phone'

// @opengid/taro reads Taro only through what the bridge and `request` replace here; the real
// Taro runtime cannot load in Node.
jest.mock('@tarojs/taro', () => ({ __esModule: true, default: {} }))
jest.mock('@tarojs/components', () => ({ OpenData: () => null }))

// A redis-server, two clients and four handler instances: seconds on a busy 2-core machine.
jest.setTimeout(30_000)

/**
 * The server half of the warm path, end to end: the real client (httpResolver over
 * a simulated WeChat client), real HTTP on loopback, the fake WeChat's real keys
 * and AES, and a real redis-server shared by two handler instances.
 */

const APP_ID = 'wx00000000000e2e0s'
const SECRET = 'e2e-app-secret-0123456789'
const TICKET_SECRET = 'e2e-ticket-secret-0123456789abcdef-0123456789'

const fake = createFakeWeChat({ appId: APP_ID, secret: SECRET })
const seen: string[] = []
const request = fetchRequest(seen)
const logged: unknown[][] = []
let wechat: Served
const servers: Served[] = []
let users = 0

/** A handler instance of its own on loopback; `sessions` undefined: its own memory store. */
async function instance(sessions?: SessionStore): Promise<string> {
  const served = await serve(
    createNodeHandler({ appId: APP_ID, secret: SECRET, ticketSecret: TICKET_SECRET, endpoint: wechat.url, sessions }),
  )
  servers.push(served)
  return served.url
}

const newPhone = (): Phone => phoneOf(fake, `e2e-user-${++users}`)

beforeAll(async () => {
  // Every console line of the run, the handlers' own reports included, is checked for secrets below.
  for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) {
    jest.spyOn(console, method).mockImplementation((...args: unknown[]) => void logged.push(args))
  }
  wechat = await fake.listen()
})

afterAll(async () => {
  await Promise.all(servers.map((served) => served.close()))
  await wechat?.close()
  jest.restoreAllMocks()
})

describeWithRedis('behind one redis-server', () => {
  const redis = redisForSuite()
  describe.each([
    [
      'ioredis',
      () => redisSessionStore(redis.io, { prefix: 'e2e-io:' }),
      (key: string) => redis.io.exists(`e2e-io:${key}`),
    ],
    [
      'node-redis',
      () => redisSessionStore(redis.node, { prefix: 'e2e-node:' }),
      (key: string) => redis.node.exists(`e2e-node:${key}`),
    ],
  ])('two handler instances behind one Redis (%s)', (_name, store, stored) => {
    let a: string
    let b: string
    beforeAll(async () => {
      a = await instance(store())
      b = await instance(store())
    })

    test('a session made on instance A is used on instance B: no login, no code2Session', async () => {
      const phone = newPhone()
      const cold = await launch(phone, { url: a, opengid: 'G_SHARED_1', request })
      expect(cold.calls).toEqual(['login', 'getGroupEnterInfo'])
      expect(cold.state).toMatchObject({ status: 'resolved', opengid: 'G_SHARED_1', ticket: expect.any(String) })

      const exchanges = fake.exchanges
      const warm = await launch(phone, { url: b, opengid: 'G_SHARED_2', request })
      expect(warm.calls).toEqual(['getGroupEnterInfo'])
      expect(warm.state).toMatchObject({ status: 'resolved', opengid: 'G_SHARED_2' })
      expect(fake.exchanges).toBe(exchanges)
      // B's ticket is as good as A's: same secret, same user.
      const ticket = warm.state.status === 'resolved' ? warm.state.ticket : undefined
      const claims = await verifyGroupTicket(ticket, { ticketSecret: TICKET_SECRET, appId: APP_ID })
      expect(fake.userOf(claims.openid)).toBe(phone.user)
    })

    test('data that fails under a stored session deletes it from Redis, for every instance', async () => {
      const phone = newPhone()
      await launch(phone, { url: a, opengid: 'G_SHARED_3', request })
      const session = phone.storage.get(SESSION_STORAGE_KEY) as string
      expect(await stored(session)).toBe(1)

      const foreign = fake.encryptGroup(newPhone().user, { opengid: 'G_SOMEONE_ELSE' })
      const answer = await request({
        url: b,
        method: 'POST',
        header: { 'content-type': 'application/json' },
        data: { session, ...foreign, source: 'getGroupEnterInfo' },
        dataType: 'json',
      })
      expect(answer).toEqual({
        statusCode: 401,
        data: { error: { code: 'SESSION_EXPIRED', message: expect.any(String) } },
      })
      expect(await stored(session)).toBe(0)
    })
  })
})

test('two memory-only instances: a warm request to the other one gets SESSION_EXPIRED, and the client logs in again and resolves', async () => {
  const [a, b] = [await instance(), await instance()]
  const phone = newPhone()
  await launch(phone, { url: a, opengid: 'G_MEMORY', request })
  const first = phone.storage.get(SESSION_STORAGE_KEY)

  const exchanges = fake.exchanges
  const answersBefore = seen.length
  const next = await launch(phone, { url: b, opengid: 'G_MEMORY', request })
  expect(next.calls).toEqual(['getGroupEnterInfo', 'login', 'getGroupEnterInfo'])
  expect(next.state).toMatchObject({ status: 'resolved', opengid: 'G_MEMORY' })
  expect(JSON.parse(seen[answersBefore]).error.code).toBe('SESSION_EXPIRED')
  expect(fake.exchanges).toBe(exchanges + 1)
  // B's own session replaced A's on the phone.
  expect(phone.storage.get(SESSION_STORAGE_KEY)).toEqual(expect.any(String))
  expect(phone.storage.get(SESSION_STORAGE_KEY)).not.toBe(first)
})

test("a server with the wrong AppSecret: the client's error is RESOLVER 502 WECHAT_ERROR with WeChat's errCode", async () => {
  const served = await serve(
    createNodeHandler({
      appId: APP_ID,
      secret: 'not-this-apps-secret',
      ticketSecret: TICKET_SECRET,
      endpoint: wechat.url,
    }),
  )
  servers.push(served)
  const { state } = await launch(newPhone(), { url: served.url, opengid: 'G_MISCONFIGURED', request })
  expect(state).toMatchObject({
    status: 'error',
    error: { code: 'RESOLVER', status: 502, serverCode: 'WECHAT_ERROR', errCode: 40125 },
  })
})

test('no session key and no secret ever crossed the wire or reached a log line', async () => {
  // Runs last: everything above has been said by now. The Redis values do hold session
  // keys (that is where the server keeps them); answers, errors and logs must not.
  // Without Redis only the memory-only exchange above ran.
  expect(seen.length).toBeGreaterThan(redisRuns ? 5 : 1)
  const everything = [...seen, ...logged.map((args) => args.map(String).join(' '))].join('\n')
  for (const secret of [SECRET, TICKET_SECRET, ...fake.issuedSessionKeys]) expect(everything).not.toContain(secret)
})
