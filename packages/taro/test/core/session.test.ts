/** @jest-environment node */
import { createGroupEnterStore } from '../../src/core/store'
import { whenState } from '../../src/core/whenState'
import type { BridgeStorage } from '../../src/core/types'
import { createSimulatedBridge, createSimulatedResolver, memoryStorage } from '@opengid/taro/testing'

// Any bridge's storage, not only Taro's: what a custom bridge's store does must never cost a group.

async function launchWith(storage: BridgeStorage) {
  const bridge = createSimulatedBridge({ opengid: 'G_KEPT', storage })
  const store = createGroupEnterStore({ bridge, resolver: createSimulatedResolver() })
  const stop = store.start()
  const state = await whenState(store, (s) => s.status !== 'loading')
  stop()
  return { bridge, state }
}

const failing = (): never => {
  throw new Error('storage is full')
}

it('a storage whose set() throws turns no server 200 into an error: the group shows, nothing is kept', async () => {
  const { bridge, state } = await launchWith({ get: () => undefined, set: failing, remove: failing })
  expect(state).toMatchObject({ status: 'resolved', opengid: 'G_KEPT' })
  expect(bridge.count('login')).toBe(1)
})

it('a storage whose get() throws is as good as an empty one: one login, the group', async () => {
  const { bridge, state } = await launchWith({ get: failing, set: () => {}, remove: () => {} })
  expect(state).toMatchObject({ status: 'resolved', opengid: 'G_KEPT' })
  expect(bridge.calls.map((call) => call.api)).toEqual(['login', 'getGroupEnterInfo'])
})

it('a stored value that is not a session id is dropped, and the new session kept in its place', async () => {
  const storage = memoryStorage()
  // A custom bridge's storage can hand back anything that was put there, e.g. by an older app version.
  storage.set('opengid.session', { id: 'not text' } as unknown as string)
  const { bridge, state } = await launchWith(storage)
  expect(state).toMatchObject({ status: 'resolved', opengid: 'G_KEPT' })
  expect(bridge.calls.map((call) => call.api)).toEqual(['login', 'getGroupEnterInfo'])
  expect(storage.get('opengid.session')).toMatch(/^simulated-session-/)
})
