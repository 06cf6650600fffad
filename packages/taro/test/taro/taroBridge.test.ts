import Taro from '@tarojs/taro'
import { createGroupEnterStore, httpResolver, taroBridge, type GroupEnterState } from '@opengid/taro'
import { DEFAULT_GROUP_SCENES, planEntry } from '../../src/core/plan'
import { calls, configureHost, resetFakeTaro, setPlatform, type TaroEnv } from '../../../../tools/fake-taro'

// Taro built for a target without WeChat's group APIs (issue 22). The fake Taro answers
// every API there as weapp does, with group data (QQ does have a getShareInfo, decrypted
// with QQ's keys): the plan must still say 'unsupported' and nothing may be called.
const OTHER_TARGETS: TaroEnv[] = ['alipay', 'tt', 'swan', 'jd', 'qq', 'harmony']

const GROUP_CARD = { scene: 1044, chatType: 3, shareTicket: 'TICKET', query: {}, path: 'pages/index/index' }
const CHAT_TOOL = { scene: 1008, chatType: 3, apiCategory: 'chatTool', query: {}, path: 'pages/index/index' }
const CHAT_TOOL_INFO = { errMsg: 'getChatToolInfo:ok', encryptedData: 'ZW5j', iv: 'aXY=' }

const planOf = (enter: Record<string, unknown>) =>
  planEntry(enter, taroBridge(), { scenes: DEFAULT_GROUP_SCENES, allowSingleChat: true })

/** The whole store over the real bridge, as the provider runs it, until it leaves 'loading'. */
async function settle(): Promise<GroupEnterState> {
  const store = createGroupEnterStore({
    bridge: taroBridge(),
    resolver: httpResolver({ url: 'https://api.example.test/opengid' }),
  })
  const stop = store.start()
  await new Promise((resolve) => setTimeout(resolve, 20))
  stop()
  return store.getState()
}

beforeEach(() => {
  resetFakeTaro()
  configureHost({
    enterOptions: GROUP_CARD,
    getChatToolInfo: CHAT_TOOL_INFO,
    request: async () => ({ statusCode: 200, data: { opengid: 'G_ELSEWHERE', chatType: 3 } }),
  })
})
afterAll(() => resetFakeTaro())

it('plans the group API on weapp, where the same fake host answers (the control)', () => {
  setPlatform('weapp')
  expect(Taro.getEnv()).toBe('WEAPP')
  expect(planOf(GROUP_CARD)).toBe('getGroupEnterInfo')
  expect(planOf(CHAT_TOOL)).toBe('getChatToolInfo')
})

describe.each(OTHER_TARGETS)('TARO_ENV=%s', (env) => {
  beforeEach(() => setPlatform(env))

  it("plans 'unsupported' for a group card, a single chat and the chat tool", () => {
    expect(process.env.TARO_ENV).toBe(env)
    expect(planOf(GROUP_CARD)).toBe('unsupported')
    expect(planOf({ scene: 1007, chatType: 1 })).toBe('unsupported')
    expect(planOf(CHAT_TOOL)).toBe('unsupported')
    const bridge = taroBridge()
    expect([bridge.has('getGroupEnterInfo'), bridge.has('getShareInfo'), bridge.has('getChatToolInfo')]).toEqual([
      false,
      false,
      false,
    ])
  })

  it("settles the store at 'unsupported' without a login, a group API call or a request", async () => {
    const state = await settle()
    expect(state).toMatchObject({ status: 'unsupported', scene: 1044, chatType: 3 })
    expect(state.opengid).toBeUndefined()
    expect(calls).toEqual([])
  })
})
