import { act, screen, waitFor } from '@testing-library/react'
import { httpResolver, useGroupEnterInfo, useOpenGid, type GroupEnterState } from '@opengid/taro'
import { createSimulatedBridge, createSimulatedResolver, SIMULATED_GROUP_OPENID } from '@opengid/taro/testing'
import { calls, configureHost, emitAppShow, resetFakeTaro, setMode } from '../../../../tools/fake-taro'
import { renderInGroup } from '../support/helpers'

// Inside WeChat's chat tool the kit resolves through getChatToolInfo: the real bridge over
// the fake Taro host first (the path users run), then the simulator the demo uses.

const URL = 'https://api.example.test/opengid'
const CHAT_TOOL_LAUNCH = { scene: 1008, chatType: 3, apiCategory: 'chatTool', query: {}, path: 'packageChatTool/index' }
const CHAT_TOOL_DATA = { errMsg: 'getChatToolInfo:ok', encryptedData: 'Y2hhdA==', iv: 'aXY=' }

let seen: GroupEnterState | undefined
function Probe() {
  const state = useGroupEnterInfo()
  seen = state
  return <span data-testid='status'>{state.status}</span>
}

async function settle(props: { mode?: 'chatTool'; allowSingleChat?: boolean } = {}) {
  renderInGroup(<Probe />, { resolver: httpResolver({ url: URL }), ...props })
  await waitFor(() => expect(screen.getByTestId('status').textContent).not.toMatch(/loading|idle/), { timeout: 3000 })
  return seen as GroupEnterState
}

const hostCalls = () => calls.map((c) => c.api)

beforeEach(() => {
  resetFakeTaro()
  seen = undefined
  configureHost({
    enterOptions: CHAT_TOOL_LAUNCH,
    getChatToolInfo: CHAT_TOOL_DATA,
    request: async () => ({
      statusCode: 200,
      data: { opengid: 'G_ROOM', groupOpenid: 'GOP_ME', chatType: 3, ticket: 't', ticketExpiresAt: 1e15, session: 's' },
    }),
  })
})

describe('the Taro bridge inside the chat tool', () => {
  it("knows it from WeChat's apiCategory, logs in first, then calls getChatToolInfo and posts its payload", async () => {
    const state = await settle()
    expect(state).toMatchObject({
      status: 'resolved',
      opengid: 'G_ROOM',
      groupOpenid: 'GOP_ME',
      chatType: 3,
      source: 'getChatToolInfo',
    })
    expect(hostCalls()).toEqual(['login', 'getChatToolInfo', 'request'])
    expect(calls[2].options.data).toEqual({
      code: 'code-1',
      encryptedData: CHAT_TOOL_DATA.encryptedData,
      iv: CHAT_TOOL_DATA.iv,
      source: 'getChatToolInfo',
    })
  })

  it('resolves through getChatToolInfo with mode="chatTool" when the launch options do not say so', async () => {
    configureHost({ enterOptions: { scene: 1001 } })
    const state = await settle({ mode: 'chatTool' })
    expect(state).toMatchObject({ status: 'resolved', source: 'getChatToolInfo', scene: 1001 })
    expect(hostCalls()).toEqual(['login', 'getChatToolInfo', 'request'])
  })

  it.each([
    ['a base library below 3.7.8', { sdkVersion: '3.7.7' }],
    ['a host without getChatToolInfo', { getChatToolInfo: undefined }],
  ])("is 'unsupported' on %s, with no login and no call", async (_why, host) => {
    configureHost(host)
    const state = await settle()
    expect(state.status).toBe('unsupported')
    expect(hostCalls()).toEqual([])
  })

  it('is \'unsupported\' on Taro H5 even with mode="chatTool"', async () => {
    setMode('h5-prod')
    configureHost({ getChatToolInfo: CHAT_TOOL_DATA })
    const state = await settle({ mode: 'chatTool' })
    expect(state.status).toBe('unsupported')
    expect(hostCalls()).toEqual([])
  })

  it("is 'none' in a single chat unless allowSingleChat: the server would refuse it", async () => {
    configureHost({ enterOptions: { ...CHAT_TOOL_LAUNCH, chatType: 1 } })
    const state = await settle()
    expect(state).toMatchObject({ status: 'none', chatType: 1 })
    expect(hostCalls()).toEqual([])
  })

  it('resolves a single chat with allowSingleChat: the request says so, the state names the single room', async () => {
    configureHost({
      enterOptions: { ...CHAT_TOOL_LAUNCH, chatType: 1 },
      request: async () => ({
        statusCode: 200,
        data: { roomType: 'single', roomId: 'S_ROOM', openSingleRoomid: 'S_ROOM', groupOpenid: 'GOP_ME', chatType: 1 },
      }),
    })
    const state = await settle({ allowSingleChat: true })
    expect(state).toMatchObject({ status: 'resolved', roomType: 'single', roomId: 'S_ROOM', groupOpenid: 'GOP_ME' })
    expect(state.opengid).toBeUndefined()
    expect(hostCalls()).toEqual(['login', 'getChatToolInfo', 'request'])
    expect(calls.find((c) => c.api === 'request')?.options).toMatchObject({ data: { allowSingleChat: true } })
  })

  it('maps a getChatToolInfo failure to the kit codes, keeping errCode and errMsg', async () => {
    configureHost({ getChatToolInfo: { fail: { errCode: -1, errMsg: 'getChatToolInfo:fail not in chat tool' } } })
    const state = await settle()
    expect(state.error).toMatchObject({ code: 'BRIDGE', errCode: -1, errMsg: 'getChatToolInfo:fail not in chat tool' })
    expect(hostCalls()).toEqual(['login', 'getChatToolInfo'])
  })

  it('a re-show from another chat inside the chat tool resolves that chat; the old one is never shown', async () => {
    let n = 0
    configureHost({
      request: async () => ({ statusCode: 200, data: { opengid: ++n === 1 ? 'G_ONE' : 'G_TWO', groupOpenid: 'GOP' } }),
    })
    const shown: (string | undefined)[] = []
    function Group() {
      shown.push(useOpenGid())
      return null
    }
    renderInGroup(<Group />, { resolver: httpResolver({ url: URL }) })
    await waitFor(() => expect(shown[shown.length - 1]).toBe('G_ONE'))
    const before = shown.length
    act(() => emitAppShow({ ...CHAT_TOOL_LAUNCH, scene: 1007 }))
    await waitFor(() => expect(shown[shown.length - 1]).toBe('G_TWO'))
    expect(shown.slice(before)).toEqual([undefined, 'G_TWO'])
    expect(hostCalls().filter((api) => api === 'getChatToolInfo')).toHaveLength(2)
  })
})

describe('the simulator inside the chat tool', () => {
  it('50 consumers under StrictMode: 1 getChatToolInfo, no getGroupEnterInfo, 2 renders each', async () => {
    const bridge = createSimulatedBridge({ apiCategory: 'chatTool', opengid: 'G_POLL' })
    const resolver = createSimulatedResolver()
    const renders: number[] = Array(50).fill(0)
    function Member({ i }: { i: number }) {
      renders[i]++
      return <span data-testid='member'>{useGroupEnterInfo((s) => s.groupOpenid) ?? '-'}</span>
    }
    renderInGroup(
      Array.from({ length: 50 }, (_, i) => <Member key={i} i={i} />),
      { bridge, resolver },
      { strict: true },
    )
    await waitFor(() => expect(screen.getAllByTestId('member')[49].textContent).toBe(SIMULATED_GROUP_OPENID))
    expect(bridge.count('getChatToolInfo')).toBe(1)
    expect(bridge.count('getGroupEnterInfo')).toBe(0)
    expect(resolver.calls.map((c) => c.source)).toEqual(['getChatToolInfo'])
    // StrictMode renders each twice: loading, then the member's id.
    expect(new Set(renders)).toEqual(new Set([4]))
  })
})
