import { createGroupEnterStore, httpResolver, type GroupEnterState, type HttpRequest } from '@opengid/taro'
import { createSimulatedBridge, memoryStorage, type SimulatedWeChat } from '@opengid/taro/testing'
import type { FakeWeChat } from '@opengid/server/dev'

/** One user's phone: its storage outlives launches (the kit keeps the session id there). */
export interface Phone {
  user: string
  storage: ReturnType<typeof memoryStorage>
  wechat: SimulatedWeChat
}

/** The client's WeChat is the fake: real login codes, real keys, real AES. */
export function phoneOf(fake: FakeWeChat, user: string): Phone {
  return {
    user,
    storage: memoryStorage(),
    wechat: {
      login: async () => fake.login(user),
      encrypt: async ({ opengid, chatType, groupOpenid, openSingleRoomid }, source) =>
        fake.encryptGroup(user, { opengid, chatType, groupOpenid, openSingleRoomid, source }),
    },
  }
}

export interface Launch {
  /** The WeChat APIs the app called, in order. */
  calls: string[]
  state: GroupEnterState
}

/** A launch of the app from `opengid`'s group card, resolving through the real httpResolver against `url`. */
export async function launch(
  phone: Phone,
  { url, opengid, request }: { url: string; opengid: string; request: HttpRequest },
): Promise<Launch> {
  const bridge = createSimulatedBridge({ opengid, wechat: phone.wechat, storage: phone.storage })
  const store = createGroupEnterStore({ bridge, resolver: httpResolver({ url, request }), retry: 0 })
  const stop = store.start()
  try {
    await store.refresh()
    return { calls: bridge.calls.map((call) => call.api), state: store.getState() }
  } finally {
    stop()
  }
}
