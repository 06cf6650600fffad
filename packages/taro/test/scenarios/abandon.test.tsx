import { act, waitFor } from '@testing-library/react'
import {
  createGroupEnterStore,
  GroupEnterError,
  type EnterOptions,
  type GroupBridge,
  type GroupResolver,
  type ResolvedGroup,
} from '@opengid/taro'
import { createSimulatedBridge, createSimulatedResolver } from '@opengid/taro/testing'
import { createAborter } from '../../src/core/abort'
import { deferred, renderInGroup } from '../support/helpers'

// An abandoned attempt (superseded, unmounted, timed out) must stop at its next step:
// no bridge call, no request to the server, no spent login code for nothing.

/** A bridge whose login answers only when the test says so. */
function slowLoginBridge(opengid = 'G_A') {
  const bridge = createSimulatedBridge({ opengid, shareTicket: 'T1' })
  const logins: ReturnType<typeof deferred<{ code: string }>>[] = []
  bridge.login = () => {
    const login = deferred<{ code: string }>()
    logins.push(login)
    return login.promise
  }
  return { bridge, logins }
}

const tick = () => new Promise((r) => setTimeout(r, 0))

/**
 * The app is re-shown from group B while the login for group A is still out: B waits
 * for that login instead of starting another (a late login would rotate the key B's
 * data is encrypted with), and only B calls the bridge and the server.
 */
async function supersedeDuringLogin() {
  const { bridge, logins } = slowLoginBridge()
  const resolver = createSimulatedResolver()
  const store = createGroupEnterStore({ bridge, resolver })
  store.start()
  await tick()
  expect(logins).toHaveLength(1)
  bridge.show({ opengid: 'G_B', shareTicket: 'T2' })
  await tick()
  expect(logins).toHaveLength(1)
  logins[0].resolve({ code: 'c0' })
  await store.refresh()
  expect(store.getState().opengid).toBe('G_B')
  expect(bridge.count('getGroupEnterInfo')).toBe(1)
  expect(resolver.calls.map((c) => c.code)).toEqual(['c0'])
}

it(
  'a re-show from another group during login: one login, and only the new entry calls the bridge',
  supersedeDuringLogin,
)

it('1,000 rapid re-shows keep at most one login in flight, and the last group wins', async () => {
  const bridge = createSimulatedBridge({ latency: { login: 5 } })
  let inFlight = 0
  let most = 0
  const login = bridge.login.bind(bridge)
  bridge.login = async () => {
    most = Math.max(most, ++inFlight)
    try {
      return await login()
    } finally {
      inFlight--
    }
  }
  const store = createGroupEnterStore({ bridge, resolver: createSimulatedResolver() })
  store.start()
  for (let i = 0; i < 1000; i++) {
    bridge.show({ opengid: `G_${i}` })
    if (i % 100 === 0) await tick()
  }
  await store.refresh()
  expect(store.getState().opengid).toBe('G_999')
  expect(most).toBe(1)
})

it('an unmount during login calls neither the bridge nor the server', async () => {
  const { bridge, logins } = slowLoginBridge()
  const resolver = createSimulatedResolver()
  const view = renderInGroup(null, { bridge, resolver })
  await waitFor(() => expect(logins).toHaveLength(1))
  view.unmount()
  await act(() => new Promise((r) => setTimeout(r, 10)))
  await act(async () => logins[0].resolve({ code: 'late' }))
  await act(() => new Promise((r) => setTimeout(r, 10)))
  expect(bridge.count('getGroupEnterInfo')).toBe(0)
  expect(resolver.calls).toHaveLength(0)
})

it('a bridge answer after the attempt timed out reaches no server', async () => {
  const bridge = createSimulatedBridge({ latency: { bridge: 60 } })
  const resolver = createSimulatedResolver()
  const store = createGroupEnterStore({ bridge, resolver, timeoutMs: 20, retry: 0 })
  store.start()
  await store.refresh()
  expect(store.getState().error?.code).toBe('TIMEOUT')
  await new Promise((r) => setTimeout(r, 80))
  expect(bridge.count('getGroupEnterInfo')).toBe(1)
  expect(resolver.calls).toHaveLength(0)
})

it("the launch's own first show (no hide before it) joins the entry in flight", async () => {
  const bridge = createSimulatedBridge({ latency: { bridge: 10 } })
  const showListeners: ((options: EnterOptions) => void)[] = []
  // A host that fires the launch's own onAppShow after the store subscribed.
  const store = createGroupEnterStore({
    bridge: Object.assign(Object.create(bridge) as GroupBridge, {
      onAppShow: (cb: (options: EnterOptions) => void) => (showListeners.push(cb), () => undefined),
    }),
    resolver: createSimulatedResolver(),
  })
  store.start()
  showListeners.forEach((listener) => listener(bridge.getEnterOptions()!))
  await store.refresh()
  expect(store.getState().status).toBe('resolved')
  expect(bridge.calls.map((c) => c.api)).toEqual(['login', 'getGroupEnterInfo'])
})

it('an expired cloudID gets a fresh prepare before the fresh bridge call', async () => {
  const bridge = createSimulatedBridge()
  let answers = 0
  const resolver: GroupResolver<{ code: string }> = {
    prepare: ({ bridge }) => bridge.login(),
    async resolve(): Promise<ResolvedGroup> {
      if (++answers === 1) throw new GroupEnterError('RESOLVER', 'cloudID expired.', { errCode: -601006 })
      return { opengid: 'G_FRESH' }
    },
  }
  const store = createGroupEnterStore({ bridge, resolver })
  store.start()
  await store.refresh()
  expect(store.getState().opengid).toBe('G_FRESH')
  expect(bridge.calls.map((c) => c.api)).toEqual(['login', 'getGroupEnterInfo', 'login', 'getGroupEnterInfo'])
})

it('a throwing onResolved is reported, and breaks neither the state nor refresh()', async () => {
  const errors = jest.spyOn(console, 'error').mockImplementation(() => undefined)
  const store = createGroupEnterStore({
    bridge: createSimulatedBridge({ opengid: 'G_OK' }),
    resolver: createSimulatedResolver(),
    onResolved: () => {
      throw new Error('boom in onResolved')
    },
  })
  store.start()
  await expect(store.refresh()).resolves.toBeUndefined()
  expect(store.getState()).toMatchObject({ status: 'resolved', opengid: 'G_OK' })
  expect(errors).toHaveBeenCalledWith(expect.objectContaining({ message: 'boom in onResolved' }))
  errors.mockRestore()
})

describe('the AbortController stand-in for runtimes without one (WeChat)', () => {
  const native = globalThis.AbortController
  beforeEach(() => {
    // @ts-expect-error removing the global is the point
    delete globalThis.AbortController
  })
  afterEach(() => {
    globalThis.AbortController = native
  })

  it('signals abort once, to current listeners only', () => {
    const aborter = createAborter()
    expect(aborter).not.toBeInstanceOf(native)
    const heard: string[] = []
    const removed = () => heard.push('removed')
    aborter.signal.addEventListener('abort', () => heard.push('listener'))
    aborter.signal.addEventListener('abort', removed)
    aborter.signal.removeEventListener('abort', removed)
    expect(aborter.signal.aborted).toBe(false)
    aborter.abort()
    aborter.abort()
    expect(aborter.signal.aborted).toBe(true)
    expect(heard).toEqual(['listener'])
  })

  it('carries a whole resolution, and a superseded one still stops', supersedeDuringLogin)
})
