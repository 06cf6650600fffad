/**
 * @jest-environment node
 */
// The store on its own, as any binding (React, Vue, one of your own) drives it: no
// framework, no DOM, no Taro. These are the rules a binding relies on.
import { createGroupEnterStore } from '../../src/core/store'
import { whenState } from '../../src/core/whenState'
import type { GroupEnterState } from '../../src/core/types'
import { GroupEnterError } from '../../src/core/GroupEnterError'
import { deferred } from '../support/deferred'
import {
  createSimulatedBridge,
  createSimulatedResolver,
  memoryStorage,
  memoryWeChat,
  type SimulatedClient,
} from '@opengid/taro/testing'

// The core layer must run without Taro: loading it fails this file.
jest.mock('@tarojs/taro', () => {
  throw new Error('the core layer loaded @tarojs/taro')
})

jest.setTimeout(10_000)

/** A store over the simulator, and every state it notified, in order. */
function storeOf(client: SimulatedClient = {}, resolverOptions: Parameters<typeof createSimulatedResolver>[0] = {}) {
  const bridge = createSimulatedBridge(client)
  const resolver = createSimulatedResolver(resolverOptions)
  const store = createGroupEnterStore({ bridge, resolver })
  const seen: GroupEnterState[] = []
  store.subscribe(() => seen.push(store.getState()))
  return { bridge, resolver, store, seen }
}

const resolved = (state: GroupEnterState) => state.status === 'resolved'

test('the first state is known before start, without a single call: loading for a group card, none for a single chat', () => {
  const group = storeOf({ scene: 1008, chatType: 3 })
  expect(group.store.getState()).toMatchObject({ status: 'loading', scene: 1008, chatType: 3 })
  const single = storeOf({ scene: 1001, chatType: 1 })
  expect(single.store.getState()).toEqual({ status: 'none', scene: 1001, chatType: 1 })
  expect(group.bridge.calls).toEqual([])
  expect(group.resolver.calls).toEqual([])
})

test('start resolves the entry with one login, one bridge call and one resolver call, and notifies once', async () => {
  const { bridge, resolver, store, seen } = storeOf({ opengid: 'G_CORE' })
  const stop = store.start()
  const state = await whenState(store, resolved)
  expect(state).toMatchObject({ status: 'resolved', opengid: 'G_CORE', source: 'getGroupEnterInfo' })
  expect(typeof state.ticket).toBe('string')
  expect(bridge.count('login')).toBe(1)
  expect(bridge.count('getGroupEnterInfo')).toBe(1)
  expect(resolver.calls).toHaveLength(1)
  // 'loading' was already the state: the only notification is the answer.
  expect(seen.map((s) => s.status)).toEqual(['resolved'])
  stop()
})

test('a stop followed by a start in the same tick joins the work in flight: no second bridge call', async () => {
  const { bridge, store } = storeOf({ opengid: 'G_REMOUNT' })
  store.start()()
  const stop = store.start()
  await whenState(store, resolved)
  expect(bridge.count('getGroupEnterInfo')).toBe(1)
  expect(bridge.count('login')).toBe(1)
  stop()
})

test('after a stop, an answer already on its way reaches no resolver and changes no state', async () => {
  const bridge = createSimulatedBridge({ opengid: 'G_GONE' })
  const resolver = createSimulatedResolver()
  // The bridge answers only when the test says so: after the stop.
  const asked = deferred()
  const answer = deferred()
  const getGroupEnterInfo = bridge.getGroupEnterInfo
  bridge.getGroupEnterInfo = async (options) => {
    asked.resolve()
    await answer.promise
    return getGroupEnterInfo(options)
  }
  const store = createGroupEnterStore({ bridge, resolver })
  const seen: GroupEnterState[] = []
  store.subscribe(() => seen.push(store.getState()))
  const stop = store.start()
  await asked.promise
  stop()
  answer.resolve()
  // Whatever the answer could still set off has run by now.
  await new Promise((resolve) => setTimeout(resolve, 20))
  expect(bridge.count('getGroupEnterInfo')).toBe(1)
  expect(resolver.calls).toEqual([])
  expect(seen).toEqual([])
  expect(store.getState().status).toBe('loading')
})

test('a listener that unsubscribed hears nothing more; the others still do', async () => {
  const { store } = storeOf({ opengid: 'G_LISTEN' })
  const gone = jest.fn()
  const kept = jest.fn()
  store.subscribe(gone)()
  store.subscribe(kept)
  const stop = store.start()
  await whenState(store, resolved)
  expect(gone).not.toHaveBeenCalled()
  expect(kept).toHaveBeenCalledTimes(1)
  stop()
})

test('shown again after a hide from another group: loading, then the new group, never the old one', async () => {
  const { bridge, store, seen } = storeOf({ opengid: 'G_FIRST' })
  const stop = store.start()
  await whenState(store, resolved)
  seen.length = 0
  bridge.show({ opengid: 'G_SECOND' })
  await whenState(store, (state) => state.opengid === 'G_SECOND')
  expect(seen.map((s) => s.opengid ?? s.status)).toEqual(['loading', 'G_SECOND'])
  expect(bridge.count('getGroupEnterInfo')).toBe(2)
  stop()
})

test('refresh while an entry is in flight joins it, and refresh never rejects', async () => {
  const { bridge, store } = storeOf({ opengid: 'G_REFRESH', latency: { bridge: 20 } })
  const stop = store.start()
  const first = store.refresh()
  expect(store.refresh()).toBe(first)
  await first
  expect(bridge.count('getGroupEnterInfo')).toBe(1)

  bridge.update({ fail: { errCode: 65206, errMsg: 'getGroupEnterInfo:fail not in group' } })
  await expect(store.refresh()).resolves.toBeUndefined()
  expect(store.getState()).toMatchObject({ status: 'error', error: { code: 'LEFT_GROUP', errCode: 65206 } })
  stop()
})

test('a server error worth another try (503) is retried once, then reported to onError with its server code', async () => {
  const bridge = createSimulatedBridge({ opengid: 'G_RETRY' })
  const resolver = createSimulatedResolver({ fail: { status: 503, code: 'SESSIONS_UNAVAILABLE' } })
  const onError = jest.fn()
  const store = createGroupEnterStore({ bridge, resolver, onError })
  const stop = store.start()
  const state = await whenState(store, (s) => s.status === 'error')
  expect(resolver.calls).toHaveLength(2)
  expect(state.error).toMatchObject({ code: 'RESOLVER', status: 503, serverCode: 'SESSIONS_UNAVAILABLE' })
  expect(onError).toHaveBeenCalledWith(state.error)
  stop()
})

test('stale input gets one fresh attempt from login even with retry 0: a session the server lost', async () => {
  const phone = { wechat: memoryWeChat(), storage: memoryStorage() }
  const resolver = createSimulatedResolver()
  const launch = async () => {
    const bridge = createSimulatedBridge({ opengid: 'G_STALE', wechat: phone.wechat, storage: phone.storage })
    const store = createGroupEnterStore({ bridge, resolver, retry: 0 })
    const stop = store.start()
    const state = await whenState(store, (s) => s.status === 'resolved' || s.status === 'error')
    stop()
    return { apis: bridge.calls.map((call) => call.api), state }
  }
  await launch()
  resolver.forgetSessions()
  const second = await launch()
  expect(second.apis).toEqual(['getGroupEnterInfo', 'login', 'getGroupEnterInfo'])
  expect(second.state).toMatchObject({ status: 'resolved', opengid: 'G_STALE' })
})

test('stale input is retried once only, whatever retry says: a server that always answers SESSION_EXPIRED', async () => {
  const bridge = createSimulatedBridge({ opengid: 'G_NEVER' })
  const resolve = jest.fn(async () => {
    throw new GroupEnterError('RESOLVER', 'Unknown session: log in again.', {
      status: 401,
      serverCode: 'SESSION_EXPIRED',
    })
  })
  const store = createGroupEnterStore({ bridge, resolver: { resolve }, retry: 3 })
  const stop = store.start()
  const state = await whenState(store, (s) => s.status === 'error')
  expect(resolve).toHaveBeenCalledTimes(2)
  expect(state.error).toMatchObject({ serverCode: 'SESSION_EXPIRED' })
  stop()
})
