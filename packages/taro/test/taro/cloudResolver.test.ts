import { cloudResolver, createGroupEnterStore, type GroupEnterState } from '@opengid/taro'
import { createSimulatedBridge } from '@opengid/taro/testing'
import Taro from '../../../../tools/fake-taro'
import { resetFakeTaro } from '../../../../tools/fake-taro'

type Call = { name: string; data: { groupInfo: { cloudID: string } }; config?: { env: string } }

/** A Taro.cloud whose function answers with `results` in turn. */
function installCloud(results: unknown[]) {
  const calls: Call[] = []
  ;(Taro as Record<string, unknown>).cloud = {
    CloudID: (cloudID: string) => ({ cloudID }),
    callFunction: async (options: Call) => {
      calls.push(options)
      return { result: results.shift() }
    },
  }
  return calls
}

/** A simulated client with cloud development on: every bridge call gives a fresh cloudID. */
function cloudBridge() {
  let n = 0
  return createSimulatedBridge({
    wechat: {
      login: async () => 'unused',
      encrypt: async () => ({ encryptedData: 'ZW5j', iv: 'aXY=', cloudID: `cloud-${++n}` }),
    },
  })
}

async function settle(store: ReturnType<typeof createGroupEnterStore>): Promise<GroupEnterState> {
  store.start()
  await store.refresh()
  return store.getState()
}

beforeEach(() => resetFakeTaro())

it('passes the cloudID as a top-level CloudID field and returns the opengid', async () => {
  const calls = installCloud([{ opengid: 'G_CLOUD', chatType: 3 }])
  const state = await settle(
    createGroupEnterStore({ bridge: cloudBridge(), resolver: cloudResolver({ name: 'opengid', env: 'prod-1' }) }),
  )
  expect(state).toMatchObject({ status: 'resolved', opengid: 'G_CLOUD' })
  expect(calls).toEqual([{ name: 'opengid', data: { groupInfo: { cloudID: 'cloud-1' } }, config: { env: 'prod-1' } }])
})

it('answers an expired cloudID (-601006) with one fresh bridge call and one retry', async () => {
  const calls = installCloud([
    { error: { code: 'EXPIRED', message: 'cloudID expired.', errCode: -601006 } },
    { opengid: 'G_FRESH' },
  ])
  const bridge = cloudBridge()
  const state = await settle(createGroupEnterStore({ bridge, resolver: cloudResolver({ name: 'opengid' }) }))
  expect(state).toMatchObject({ status: 'resolved', opengid: 'G_FRESH' })
  expect(bridge.count('getGroupEnterInfo')).toBe(2)
  expect(calls.map((c) => c.data.groupInfo.cloudID)).toEqual(['cloud-1', 'cloud-2'])
})

it('gives up after the fresh cloudID expires too', async () => {
  const expired = { error: { code: 'EXPIRED', message: 'cloudID expired.', errCode: -601006 } }
  installCloud([expired, expired, expired])
  const bridge = cloudBridge()
  const state = await settle(createGroupEnterStore({ bridge, resolver: cloudResolver({ name: 'opengid' }) }))
  expect(state.error).toMatchObject({ code: 'RESOLVER', errCode: -601006, serverCode: 'EXPIRED' })
  expect(bridge.count('getGroupEnterInfo')).toBe(2)
})

it('explains a missing cloudID (cloud development not enabled)', async () => {
  installCloud([])
  const state = await settle(
    createGroupEnterStore({ bridge: createSimulatedBridge(), resolver: cloudResolver({ name: 'opengid' }) }),
  )
  expect(state.error?.message).toMatch(/cloud development/)
})
