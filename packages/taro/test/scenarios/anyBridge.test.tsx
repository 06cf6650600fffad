import { act, waitFor } from '@testing-library/react'
import { createGroupEnterStore, GroupEnterError, type GroupResolver, type ResolvedGroup } from '@opengid/taro'
import { createSimulatedBridge, createSimulatedResolver } from '@opengid/taro/testing'
import { deferred, renderInGroup } from '../support/helpers'

// What DESIGN promises for any bridge and any resolver, not only the kit's own.

async function settleWith(bridgeFailure: unknown) {
  const bridge = createSimulatedBridge()
  bridge.getGroupEnterInfo = () => Promise.reject(bridgeFailure)
  const store = createGroupEnterStore({ bridge, resolver: createSimulatedResolver(), retry: 0 })
  store.start()
  await store.refresh()
  return store.getState()
}

it.each([
  [{ errCode: 40097, errMsg: 'getGroupEnterInfo:fail' }, 'SCENE', 40097],
  [{ errno: 40097, errMsg: 'getGroupEnterInfo:fail' }, 'SCENE', 40097],
  [{ errMsg: 'getGroupEnterInfo:fail invalid scene' }, 'SCENE', undefined],
  [{ errCode: 65206, errMsg: 'getGroupEnterInfo:fail' }, 'LEFT_GROUP', 65206],
  [{ errno: 65206 }, 'LEFT_GROUP', 65206],
  [{ errCode: -1, errMsg: 'getGroupEnterInfo:fail system error' }, 'BRIDGE', -1],
  [new Error('boom'), 'BRIDGE', undefined],
])('a custom bridge rejecting with %j is %s', async (failure, code, errCode) => {
  const state = await settleWith(failure)
  expect(state.status).toBe('error')
  expect(state.error).toBeInstanceOf(GroupEnterError)
  expect(state.error).toMatchObject({ code, errCode })
})

it.each([
  ['a GroupEnterError marked retryable', () => new GroupEnterError('RESOLVER', 'gateway down', { retryable: true })],
  ['a Taro request failure', () => ({ errMsg: 'request:fail timeout' })],
])('a custom resolver failing with %s is retried', async (_, failure) => {
  const bridge = createSimulatedBridge({ opengid: 'G_RETRY' })
  let attempts = 0
  const resolver: GroupResolver<unknown> = {
    async resolve() {
      if (++attempts === 1) throw failure()
      return { opengid: 'G_RETRY' }
    },
  }
  const store = createGroupEnterStore({ bridge, resolver, retry: 1 })
  store.start()
  await store.refresh()
  expect(attempts).toBe(2)
  expect(store.getState().opengid).toBe('G_RETRY')
})

it('any other custom resolver failure is RESOLVER and not retried', async () => {
  const bridge = createSimulatedBridge()
  let attempts = 0
  const resolver: GroupResolver<unknown> = {
    async resolve() {
      attempts++
      throw new TypeError('bug in my resolver')
    },
  }
  const store = createGroupEnterStore({ bridge, resolver, retry: 3 })
  store.start()
  await store.refresh()
  expect(attempts).toBe(1)
  expect(store.getState().error).toMatchObject({ code: 'RESOLVER', retryable: false })
})

it('a bridge answer already queued when the provider unmounts never reaches resolve', async () => {
  const bridge = createSimulatedBridge()
  const payload = await bridge.getGroupEnterInfo({})
  const answer = deferred<typeof payload>()
  bridge.getGroupEnterInfo = () => answer.promise
  const resolver = createSimulatedResolver()
  const view = renderInGroup(null, { bridge, resolver })
  await waitFor(() => expect(bridge.count('login')).toBe(1))
  await act(() => new Promise((r) => setTimeout(r, 10)))
  act(() => {
    // The answer arrives; the kit's continuation is queued, and the provider unmounts before it runs.
    answer.resolve(payload)
    view.unmount()
  })
  await act(() => new Promise((r) => setTimeout(r, 20)))
  expect(resolver.calls).toHaveLength(0)
})

it.each([
  [
    'a getter that throws',
    () =>
      Object.defineProperty({}, 'opengid', {
        get: () => {
          throw new Error('getter')
        },
      }),
  ],
  ['an opengid that is not an id', () => ({ opengid: 'EVIL<script>' })],
  ['an opengid over 64 characters', () => ({ opengid: 'G'.repeat(65) })],
  ['no opengid', () => ({ chatType: 3 })],
  ['a single room the app did not allow', () => ({ roomType: 'single', roomId: 'S1', openSingleRoomid: 'S1' })],
])('an answer with %s is INVALID_RESPONSE, with a code', async (_, answer) => {
  const bridge = createSimulatedBridge()
  const resolver: GroupResolver<unknown> = { resolve: async () => answer() as ResolvedGroup }
  const store = createGroupEnterStore({ bridge, resolver })
  store.start()
  await store.refresh()
  expect(store.getState().status).toBe('error')
  expect(store.getState().error?.code).toBe('INVALID_RESPONSE')
})

describe('the room an answer names', () => {
  const resolveTo = async (answer: unknown, allowSingleChat?: boolean) => {
    const resolver: GroupResolver<unknown> = { resolve: async () => answer as ResolvedGroup }
    const store = createGroupEnterStore({ bridge: createSimulatedBridge(), resolver, allowSingleChat })
    store.start()
    await store.refresh()
    return store.getState()
  }

  it('an answer of a resolver written before rooms, { opengid }, is a group room', async () => {
    expect(await resolveTo({ opengid: 'G_OLD' })).toMatchObject({
      status: 'resolved',
      roomType: 'group',
      roomId: 'G_OLD',
      opengid: 'G_OLD',
    })
  })

  it('a single room resolves when the app allows single chats, without an opengid', async () => {
    const state = await resolveTo({ roomType: 'single', roomId: 'S1', openSingleRoomid: 'S1' }, true)
    expect(state).toMatchObject({ status: 'resolved', roomType: 'single', roomId: 'S1', openSingleRoomid: 'S1' })
    expect(state).not.toHaveProperty('opengid')
  })

  it('the room is read from its own id: a roomId or roomType that says otherwise is not believed', async () => {
    const state = await resolveTo({ roomType: 'single', roomId: 'X', opengid: 'G1', openSingleRoomid: 'S1' }, true)
    expect(state).toMatchObject({ roomType: 'group', roomId: 'G1', opengid: 'G1' })
    expect(state).not.toHaveProperty('openSingleRoomid')
  })

  it('a single room id of the wrong shape is INVALID_RESPONSE even when allowed', async () => {
    const state = await resolveTo({ roomType: 'single', openSingleRoomid: 'S 1' }, true)
    expect(state.error?.code).toBe('INVALID_RESPONSE')
  })
})

it('keeps the ticket and its expiry from the answer in the resolved state', async () => {
  const bridge = createSimulatedBridge({ opengid: 'G_T' })
  const store = createGroupEnterStore({ bridge, resolver: createSimulatedResolver() })
  store.start()
  await store.refresh()
  const state = store.getState()
  expect(state).toMatchObject({ status: 'resolved', opengid: 'G_T', ticket: expect.stringContaining('G_T') })
  expect(state.ticketExpiresAt).toBeGreaterThan(Date.now())
})
