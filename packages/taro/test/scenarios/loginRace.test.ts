/** @jest-environment node */
import { decryptGroupInfo } from '@opengid/server'
import { createFakeWeChat } from '@opengid/server/dev'
import { createGroupEnterStore, type GroupResolver } from '@opengid/taro'
import { createSimulatedBridge, type SimulatedWeChat } from '@opengid/taro/testing'

// Real crypto: the fake WeChat gives the user a new session key on every login, as
// wx.login may, and the "server" decrypts with the key code2Session would answer at
// the time of the request. A login that lands between a payload and its decryption
// breaks it: that is the race a superseded entry's late login used to cause.

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

it("entry A's 80 ms login, a re-show from group B 5 ms later: B resolves, with one login", async () => {
  const fake = createFakeWeChat({ appId: 'wx-race', secret: 'race-secret' })
  const loginLatency = [80, 0]
  let logins = 0
  const wechat: SimulatedWeChat = {
    async login() {
      logins++
      await delay(loginLatency.shift() ?? 0)
      // The key changes when the login lands, not when it starts.
      return fake.login('user')
    },
    encrypt: async (group, source) => fake.encryptGroup('user', { ...group, source }),
  }
  const resolver: GroupResolver<{ code: string }> = {
    prepare: ({ bridge }) => bridge.login(),
    async resolve(payload) {
      await delay(100) // the round trip to the server and its code2Session
      return decryptGroupInfo({ sessionKey: fake.sessionKey('user')!, ...payload })
    },
  }
  const bridge = createSimulatedBridge({ opengid: 'G_A', wechat })
  const store = createGroupEnterStore({ bridge, resolver, retry: 0 })
  store.start()
  await delay(5)
  bridge.show({ opengid: 'G_B' })
  await store.refresh()
  expect(store.getState()).toMatchObject({ status: 'resolved', opengid: 'G_B' })
  expect(logins).toBe(1)
})
