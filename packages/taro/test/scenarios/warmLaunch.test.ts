/** @jest-environment node */
import { startDevServer, type DevServer } from '@opengid/server/dev'
import { createGroupEnterStore, httpResolver, login, taroBridge, type GroupEnterState } from '@opengid/taro'
import { calls, configureHost, emitAppHide, emitAppShow, resetFakeTaro } from '../../../../tools/fake-taro'

// The warm launch through the real taroBridge and httpResolver, against the dev server:
// real HTTP, real code2Session on its fake WeChat, real AES with the user's current key.
// Every wx.login rotates the key, as WeChat may.

jest.setTimeout(20_000)

const USER = 'ada'
let server: DevServer

beforeAll(async () => {
  server = await startDevServer({ port: 0 })
})
afterAll(() => server.close())

/** This phone's WeChat is the dev server's fake: the current key seals the group it was opened from. */
function phoneIn(opengid: string) {
  configureHost({
    login: () => ({ errMsg: 'login:ok', code: server.fake.login(USER) }),
    getGroupEnterInfo: () => ({
      errMsg: 'getGroupEnterInfo:ok',
      ...server.fake.encryptGroup(USER, { opengid, chatType: 3, source: 'getGroupEnterInfo' }),
    }),
    request: async ({ url, data, header }) => {
      const response = await fetch(String(url), {
        method: 'POST',
        headers: header as Record<string, string>,
        body: JSON.stringify(data),
      })
      return { statusCode: response.status, data: await response.json() }
    },
  })
}

/** One launch of the app: a fresh store over the real bridge; what it called and how it ended. */
async function launch(opengid: string) {
  phoneIn(opengid)
  calls.length = 0
  const exchanges = server.fake.exchanges
  const store = createGroupEnterStore({
    bridge: taroBridge(),
    resolver: httpResolver({ url: `${server.url}/api/opengid` }),
  })
  const seen: GroupEnterState[] = []
  store.subscribe(() => seen.push(store.getState()))
  const stop = store.start()
  await store.refresh()
  return {
    store,
    stop,
    seen,
    state: store.getState(),
    apis: calls.map((call) => call.api).filter((api) => api !== 'request'),
    posts: calls.filter((call) => call.api === 'request').length,
    code2Session: server.fake.exchanges - exchanges,
  }
}

beforeEach(() => resetFakeTaro())

it('a warm launch whose key is still valid: no wx.login, no checkSession, no code2Session, one bridge call and one request', async () => {
  const cold = await launch('G_WARM')
  cold.stop()
  expect(cold.apis).toEqual(['login', 'getGroupEnterInfo'])
  expect(cold.code2Session).toBe(1)
  const warm = await launch('G_WARM')
  warm.stop()
  expect(warm.apis).toEqual(['getGroupEnterInfo'])
  expect(warm.posts).toBe(1)
  expect(warm.code2Session).toBe(0)
  expect(warm.state).toMatchObject({ status: 'resolved', opengid: 'G_WARM' })
})

it('a key rotated between launches (another wx.login in the app): one login and one more bridge call, the right group, never an error', async () => {
  ;(await launch('G_ROT')).stop()
  server.fake.login(USER) // the app's own sign-in, elsewhere, rotated the key
  const next = await launch('G_ROT')
  next.stop()
  expect(next.apis).toEqual(['getGroupEnterInfo', 'login', 'getGroupEnterInfo'])
  expect(next.posts).toBe(2)
  expect(next.code2Session).toBe(1)
  expect(next.state).toMatchObject({ status: 'resolved', opengid: 'G_ROT' })
  expect(next.seen.map((s) => s.status)).not.toContain('error')
  // The fresh session is kept: the launch after is warm again.
  const after = await launch('G_ROT')
  after.stop()
  expect(after.apis).toEqual(['getGroupEnterInfo'])
})

it('an expired session (the server no longer has it): one login and one more bridge call, the right group', async () => {
  ;(await launch('G_EXP')).stop()
  const restarted = await startDevServer({ port: 0 })
  const original = server
  server = restarted // same phone storage, a server that never made that session
  try {
    const next = await launch('G_EXP')
    next.stop()
    expect(next.apis).toEqual(['getGroupEnterInfo', 'login', 'getGroupEnterInfo'])
    expect(next.state).toMatchObject({ status: 'resolved', opengid: 'G_EXP' })
  } finally {
    server = original
    await restarted.close()
  }
})

it('a re-show from another group while a rotated key is being recovered shows only the new group', async () => {
  ;(await launch('G_OLD')).stop()
  server.fake.login(USER)
  phoneIn('G_OLD')
  calls.length = 0
  const store = createGroupEnterStore({
    bridge: taroBridge(),
    resolver: httpResolver({ url: `${server.url}/api/opengid` }),
  })
  const shown: (string | undefined)[] = []
  store.subscribe(() => shown.push(store.getState().opengid ?? store.getState().status))
  const stop = store.start()
  emitAppHide()
  phoneIn('G_NEW')
  emitAppShow({ scene: 1008, chatType: 3, shareTicket: '', query: {}, path: 'pages/index/index' })
  await store.refresh()
  stop()
  expect(store.getState()).toMatchObject({ status: 'resolved', opengid: 'G_NEW' })
  expect(shown).not.toContain('G_OLD')
})

it('an app that logs in on its own at launch, through login(): the opengid still arrives, with at most one extra round', async () => {
  ;(await launch('G_APP')).stop()
  // Cold and warm launches alike: the app's sign-in starts at the same moment as the kit.
  for (const cold of [true, false]) {
    if (cold) resetFakeTaro()
    phoneIn('G_APP')
    calls.length = 0
    const store = createGroupEnterStore({
      bridge: taroBridge(),
      resolver: httpResolver({ url: `${server.url}/api/opengid` }),
    })
    const stop = store.start()
    const appCode = login()
    await store.refresh()
    const code = await appCode
    stop()
    expect(store.getState()).toMatchObject({ status: 'resolved', opengid: 'G_APP' })
    const groupCalls = calls.filter((call) => call.api === 'getGroupEnterInfo').length
    expect(groupCalls).toBeLessThanOrEqual(2)
    // The app's code is its own, unspent: its server can still exchange it.
    expect(server.fake.login).toBeDefined()
    expect(typeof code).toBe('string')
  }
})

it("login() never lands between the kit's login and its group call", async () => {
  resetFakeTaro()
  phoneIn('G_ORDER')
  const order: string[] = []
  configureHost({
    login: () => {
      order.push('login')
      return { errMsg: 'login:ok', code: server.fake.login(USER) }
    },
    getGroupEnterInfo: () => {
      order.push('group call')
      return {
        errMsg: 'getGroupEnterInfo:ok',
        ...server.fake.encryptGroup(USER, { opengid: 'G_ORDER', chatType: 3, source: 'getGroupEnterInfo' }),
      }
    },
  })
  const store = createGroupEnterStore({
    bridge: taroBridge(),
    resolver: httpResolver({ url: `${server.url}/api/opengid` }),
  })
  const stop = store.start()
  // The kit's cold login is under way (WeChat has it); the app asks for its own now.
  while (order.length === 0) await new Promise((resolve) => setTimeout(resolve, 1))
  const appCode = login()
  await store.refresh()
  await appCode
  stop()
  expect(order).toEqual(['login', 'group call', 'login'])
  expect(store.getState()).toMatchObject({ status: 'resolved', opengid: 'G_ORDER' })
})
