/** @jest-environment node */
import { createGroupEnterStore } from '../../src/core/store'
import { whenState } from '../../src/core/whenState'
import { createSimulatedBridge, createSimulatedResolver } from '@opengid/taro/testing'

function launch(bridge: ReturnType<typeof createSimulatedBridge>) {
  const store = createGroupEnterStore({ bridge, resolver: createSimulatedResolver() })
  return { store, stop: store.start() }
}

// docs/guide/testing.md: scene 1001 is a normal launch and gives `none`; a group card's scene gives its group.
test('scene 1001 is a normal launch: none, with no call at all', () => {
  const bridge = createSimulatedBridge({ scene: 1001 })
  const { store, stop } = launch(bridge)
  expect(bridge.getEnterOptions()).toMatchObject({ scene: 1001, chatType: undefined })
  expect(store.getState()).toEqual({ status: 'none', scene: 1001, chatType: undefined })
  expect(bridge.calls).toEqual([])
  stop()
})

test('a group scene without a chat type plays a WeChat group (3); an explicit chat type wins', async () => {
  const card = createSimulatedBridge({ scene: 1044, opengid: 'G_CARD' })
  expect(card.getEnterOptions()).toMatchObject({ scene: 1044, chatType: 3 })
  const { store, stop } = launch(card)
  expect(await whenState(store, (s) => s.status === 'resolved')).toMatchObject({ opengid: 'G_CARD', chatType: 3 })
  stop()
  expect(createSimulatedBridge({ scene: 1008, chatType: 4 }).getEnterOptions()).toMatchObject({ chatType: 4 })
  expect(createSimulatedBridge().getEnterOptions()).toMatchObject({ scene: 1008, chatType: 3 })
})

test('re-shown from scene 1001 after a group launch: none, with no second call', async () => {
  const bridge = createSimulatedBridge({ opengid: 'G_FIRST' })
  const { store, stop } = launch(bridge)
  await whenState(store, (s) => s.status === 'resolved')
  const calls = bridge.calls.length
  bridge.show({ scene: 1001 })
  expect(store.getState()).toEqual({ status: 'none', scene: 1001, chatType: undefined })
  expect(bridge.calls).toHaveLength(calls)
  stop()
})
