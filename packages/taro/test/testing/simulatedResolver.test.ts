/** @jest-environment node */
import { createGroupEnterStore } from '../../src/core/store'
import { whenState } from '../../src/core/whenState'
import { createSimulatedBridge, createSimulatedResolver, memoryStorage, memoryWeChat } from '@opengid/taro/testing'

// The simulator plays the keys a warm launch depends on, so users' own tests can play
// a rotated or expired key without a server.

const phone = () => ({ wechat: memoryWeChat(), storage: memoryStorage() })

async function launch(device: ReturnType<typeof phone>, resolver = createSimulatedResolver(), sessionExpired = false) {
  const bridge = createSimulatedBridge({ opengid: 'G_KEYS', ...device, sessionExpired })
  const store = createGroupEnterStore({ bridge, resolver })
  const stop = store.start()
  const state = await whenState(store, (s) => s.status === 'resolved' || s.status === 'error')
  stop()
  return { apis: bridge.calls.map((call) => call.api), state, resolver }
}

test('a valid key: the second launch is warm, one bridge call and no login', async () => {
  const device = phone()
  const { resolver } = await launch(device)
  const second = await launch(device, resolver)
  expect(second.apis).toEqual(['getGroupEnterInfo'])
  expect(second.state).toMatchObject({ status: 'resolved', opengid: 'G_KEYS' })
})

test('a key rotated by another login between launches: one extra round, then warm again', async () => {
  const device = phone()
  const { resolver } = await launch(device)
  await device.wechat.login()
  const second = await launch(device, resolver)
  expect(second.apis).toEqual(['getGroupEnterInfo', 'login', 'getGroupEnterInfo'])
  expect(second.state).toMatchObject({ status: 'resolved', opengid: 'G_KEYS' })
  expect((await launch(device, resolver)).apis).toEqual(['getGroupEnterInfo'])
})

test("WeChat's session expired (sessionExpired): one extra round, the right group", async () => {
  const device = phone()
  const { resolver } = await launch(device)
  const second = await launch(device, resolver, true)
  expect(second.apis).toEqual(['getGroupEnterInfo', 'login', 'getGroupEnterInfo'])
  expect(second.state).toMatchObject({ status: 'resolved', opengid: 'G_KEYS' })
})

test('a code whose key no longer opens the payload (a login landed in between) is a decrypt failure, final', async () => {
  const device = phone()
  const resolver = createSimulatedResolver()
  const bridge = createSimulatedBridge({ opengid: 'G_KEYS', ...device })
  const store = createGroupEnterStore({ bridge, resolver, retry: 0 })
  const original = bridge.getGroupEnterInfo.bind(bridge)
  // Another login rotates the key between the kit's login and its group call.
  bridge.getGroupEnterInfo = async (options) => {
    await device.wechat.login()
    return original(options)
  }
  const stop = store.start()
  const state = await whenState(store, (s) => s.status === 'error')
  stop()
  expect(state.error).toMatchObject({ status: 400, serverCode: 'DECRYPT' })
})

describe('single chats (issue 23)', () => {
  const inSingleChat = async (allowSingleChat: boolean, resolver = createSimulatedResolver()) => {
    const bridge = createSimulatedBridge({ scene: 1007, chatType: 1, openSingleRoomid: 'S_PAIR', ...phone() })
    // The resolver is asked directly: the plan would not even call the bridge without allowSingleChat.
    const prepared = await resolver.prepare!({ bridge, signal: new AbortController().signal })
    const payload = await bridge.getGroupEnterInfo({ allowSingleChat })
    return resolver.resolve(payload, { prepared, signal: new AbortController().signal, allowSingleChat })
  }

  test('both people of a single chat resolve to the same single room; the request says allowSingleChat', async () => {
    const resolver = createSimulatedResolver()
    const [alice, bob] = [await inSingleChat(true, resolver), await inSingleChat(true, resolver)]
    expect(alice).toMatchObject({ roomType: 'single', roomId: 'S_PAIR', openSingleRoomid: 'S_PAIR', chatType: 1 })
    expect(bob).toMatchObject({ roomType: 'single', roomId: 'S_PAIR' })
    expect(alice).not.toHaveProperty('opengid')
    expect(resolver.calls.map((call) => call.allowSingleChat)).toEqual([true, true])
  })

  test('without allowSingleChat the simulated server refuses the data as @opengid/server does: DECRYPT', async () => {
    await expect(inSingleChat(false)).rejects.toMatchObject({ code: 'RESOLVER', serverCode: 'DECRYPT' })
  })
})
