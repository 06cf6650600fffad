import { createGroupEnterStore, httpResolver, type GroupBridge, type HttpRequestOptions } from '@opengid/taro'
import { createSimulatedBridge, memoryStorage, memoryWeChat } from '@opengid/taro/testing'
import { ivOfCode, openMemoryPayload } from '../../src/testing/memoryWeChat'

// httpResolver's warm path against a small in-test server that keeps sessions the way
// @opengid/server does: 200 with a session, 401 SESSION_EXPIRED for one it does not know
// or whose key no longer opens the payload (then the session is gone), 400 BAD_INPUT for
// one it cannot read (longer than any id it makes).

function playServer() {
  // Each session with the iv its key opens (memoryWeChat names the key in the iv).
  const sessions = new Map<string, string | undefined>()
  const bodies: Record<string, unknown>[] = []
  let made = 0
  const request = async ({ data }: HttpRequestOptions) => {
    bodies.push(data)
    if (typeof data.session === 'string' && data.session.length > 256) {
      return { statusCode: 400, data: { error: { code: 'BAD_INPUT', message: 'session must be an earlier answer' } } }
    }
    if (typeof data.session === 'string' && sessions.get(data.session) !== data.iv) {
      sessions.delete(data.session)
      return { statusCode: 401, data: { error: { code: 'SESSION_EXPIRED', message: 'Log in again.' } } }
    }
    const session = typeof data.session === 'string' ? data.session : `s${++made}`
    if (typeof data.code === 'string') sessions.set(session, ivOfCode(data.code))
    const group = openMemoryPayload(data as { encryptedData: string; iv: string })
    return { statusCode: 200, data: { ...group, session, ticket: `t-${session}`, ticketExpiresAt: Date.now() + 1000 } }
  }
  return { request, sessions, bodies }
}

/** One launch of the app on a phone: its own bridge and store over the phone's storage and WeChat. */
async function launch(phone: ReturnType<typeof makePhone>, request: ReturnType<typeof playServer>['request']) {
  const bridge = createSimulatedBridge({ opengid: 'G_WARM', wechat: phone.wechat, storage: phone.storage })
  const store = createGroupEnterStore({
    bridge,
    resolver: httpResolver({ url: 'https://example.com/api/opengid', request }),
  })
  store.start()
  await store.refresh()
  return { bridge, state: store.getState() }
}

const makePhone = () => ({ wechat: memoryWeChat(), storage: memoryStorage() })
const apis = (bridge: { calls: { api: string }[] }) => bridge.calls.map((call) => call.api)

it('a second launch on the same phone makes no login and sends the session instead of a code', async () => {
  const server = playServer()
  const phone = makePhone()
  const first = await launch(phone, server.request)
  expect(apis(first.bridge)).toEqual(['login', 'getGroupEnterInfo'])
  const second = await launch(phone, server.request)
  expect(apis(second.bridge)).toEqual(['getGroupEnterInfo'])
  expect(second.state).toMatchObject({ status: 'resolved', opengid: 'G_WARM', ticket: 't-s1' })
  expect(server.bodies[1]).toMatchObject({ session: 's1' })
  expect(server.bodies[1]).not.toHaveProperty('code')
})

it('a session the server lost (SESSION_EXPIRED) starts the attempt again from login, once', async () => {
  const server = playServer()
  const phone = makePhone()
  await launch(phone, server.request)
  server.sessions.clear()
  const { bridge, state } = await launch(phone, server.request)
  expect(apis(bridge)).toEqual(['getGroupEnterInfo', 'login', 'getGroupEnterInfo'])
  expect(state).toMatchObject({ status: 'resolved', opengid: 'G_WARM' })
  expect(server.bodies.slice(1).map((body) => (body.session ? 'session' : 'code'))).toEqual(['session', 'code'])
  expect(phone.storage.get('opengid.session')).toBe('s2')
})

it('a server that answers SESSION_EXPIRED even after a fresh login ends in an error, not a loop', async () => {
  const phone = makePhone()
  phone.storage.set('opengid.session', 'stale')
  await phone.wechat.login()
  let requests = 0
  const request = async () => {
    requests++
    return { statusCode: 401, data: { error: { code: 'SESSION_EXPIRED', message: 'No.' } } }
  }
  const { state } = await launch(phone, request)
  expect(state.status).toBe('error')
  expect(state.error).toMatchObject({ code: 'RESOLVER', serverCode: 'SESSION_EXPIRED', status: 401 })
  expect(requests).toBe(2)
})

it('a session whose WeChat session expired: the server refuses it, one login and one more bridge call, the group', async () => {
  const server = playServer()
  const phone = makePhone()
  await launch(phone, server.request)
  const bridge = createSimulatedBridge({ wechat: phone.wechat, storage: phone.storage, sessionExpired: true })
  const store = createGroupEnterStore({
    bridge,
    resolver: httpResolver({ url: 'https://x/api', request: server.request }),
  })
  store.start()
  await store.refresh()
  expect(apis(bridge)).toEqual(['getGroupEnterInfo', 'login', 'getGroupEnterInfo'])
  expect(server.bodies.slice(1).map((body) => (body.session ? 'session' : 'code'))).toEqual(['session', 'code'])
  expect(store.getState()).toMatchObject({ status: 'resolved' })
})

it('a custom bridge without checkSession or storage still works: every launch logs in', async () => {
  const server = playServer()
  const simulated = createSimulatedBridge({ opengid: 'G_PLAIN' })
  const plain: GroupBridge = {
    getEnterOptions: () => simulated.getEnterOptions(),
    onAppShow: (cb) => simulated.onAppShow(cb),
    sdkVersion: () => simulated.sdkVersion(),
    has: (api) => simulated.has(api),
    getGroupEnterInfo: (options) => simulated.getGroupEnterInfo(options),
    getShareInfo: (ticket) => simulated.getShareInfo(ticket),
    login: () => simulated.login(),
  }
  for (let i = 0; i < 2; i++) {
    const store = createGroupEnterStore({
      bridge: plain,
      resolver: httpResolver({ url: 'https://x/api', request: server.request }),
    })
    store.start()
    await store.refresh()
    expect(store.getState().opengid).toBe('G_PLAIN')
  }
  expect(simulated.count('login')).toBe(2)
})

describe('a client that heals: a session the server refuses is forgotten and one login settles it', () => {
  it('a stored value too long to be a session is dropped unsent: one login, the right group, warm again after', async () => {
    const server = playServer()
    const phone = makePhone()
    phone.storage.set('opengid.session', 'x'.repeat(300))
    const first = await launch(phone, server.request)
    expect(apis(first.bridge)).toEqual(['login', 'getGroupEnterInfo'])
    expect(first.state).toMatchObject({ status: 'resolved', opengid: 'G_WARM' })
    expect(server.bodies.map((body) => (body.session ? 'session' : 'code'))).toEqual(['code'])
    const second = await launch(phone, server.request)
    expect(apis(second.bridge)).toEqual(['getGroupEnterInfo'])
    expect(second.state).toMatchObject({ status: 'resolved', opengid: 'G_WARM' })
  })

  it('a 400 to a warm request (a proxy or an older server that cannot read the session) forgets it and logs in once', async () => {
    const server = playServer()
    const phone = makePhone()
    await launch(phone, server.request)
    const refusing = async (options: HttpRequestOptions) =>
      options.data.session
        ? { statusCode: 400, data: { error: { code: 'BAD_INPUT', message: 'bad session' } } }
        : server.request(options)
    const { bridge, state } = await launch(phone, refusing)
    expect(apis(bridge)).toEqual(['getGroupEnterInfo', 'login', 'getGroupEnterInfo'])
    expect(state).toMatchObject({ status: 'resolved', opengid: 'G_WARM' })
    expect(phone.storage.get('opengid.session')).toBe('s2')
  })

  it('a 400 to a cold request is final: the error, after exactly one login, and no session kept', async () => {
    const phone = makePhone()
    let requests = 0
    const request = async () => {
      requests++
      return { statusCode: 400, data: { error: { code: 'BAD_INPUT', message: 'iv must be base64' } } }
    }
    const { bridge, state } = await launch(phone, request)
    expect(apis(bridge)).toEqual(['login', 'getGroupEnterInfo'])
    expect(requests).toBe(1)
    expect(state).toMatchObject({ status: 'error', error: { status: 400, serverCode: 'BAD_INPUT' } })
    expect(phone.storage.get('opengid.session')).toBeUndefined()
  })
})

describe('allowSingleChat', () => {
  const launchIn = async (allowSingleChat?: boolean) => {
    const server = playServer()
    const bridge = createSimulatedBridge({ chatType: 1, scene: 1007, openSingleRoomid: 'S_PAIR' })
    const store = createGroupEnterStore({
      bridge,
      allowSingleChat,
      resolver: httpResolver({ url: 'https://example.com/api/opengid', request: server.request }),
    })
    store.start()
    await store.refresh()
    return { server, state: store.getState() }
  }

  it('is sent as allowSingleChat: true when the provider has it, and the single room resolves', async () => {
    const { server, state } = await launchIn(true)
    expect(server.bodies[0]).toMatchObject({ allowSingleChat: true })
    expect(state).toMatchObject({ status: 'resolved', roomType: 'single', roomId: 'S_PAIR' })
  })

  it('is not sent by a group-only app, whose group request body stays as it was', async () => {
    const server = playServer()
    await launch(makePhone(), server.request)
    expect(Object.keys(server.bodies[0]).sort()).toEqual(['code', 'encryptedData', 'iv', 'source'])
  })
})
