import { screen, waitFor } from '@testing-library/react'
import { httpResolver, taroBridge, useGroupEnterInfo, type GroupEnterState } from '@opengid/taro'
import { calls, configureHost, resetFakeTaro, setMode } from '../../../../tools/fake-taro'
import { renderInGroup } from '../support/helpers'

const URL = 'https://api.example.test/opengid'

let seen: GroupEnterState | undefined
function Probe() {
  const state = useGroupEnterInfo()
  seen = state
  return <span data-testid='status'>{state.status}</span>
}

/** Mounts the real taroBridge over the fake Taro host and waits until it settles. */
async function settle(props: { timeoutMs?: number; retry?: number } = {}) {
  renderInGroup(<Probe />, { resolver: httpResolver({ url: URL }), ...props })
  await waitFor(() => expect(screen.getByTestId('status').textContent).not.toMatch(/loading|idle/), { timeout: 3000 })
  return seen as GroupEnterState
}

const bridgeCalls = () =>
  calls.filter((c) => c.api === 'getGroupEnterInfo' || c.api === 'getShareInfo').map((c) => c.api)
const requests = () => calls.filter((c) => c.api === 'request')

beforeEach(() => {
  resetFakeTaro()
  seen = undefined
  configureHost({ request: async () => ({ statusCode: 200, data: { opengid: 'G_HTTP', chatType: 3 } }) })
})

it('resolves through getGroupEnterInfo and POSTs code + payload as JSON', async () => {
  const state = await settle()
  expect(state).toMatchObject({
    status: 'resolved',
    opengid: 'G_HTTP',
    chatType: 3,
    scene: 1008,
    source: 'getGroupEnterInfo',
  })
  expect(bridgeCalls()).toEqual(['getGroupEnterInfo'])
  expect(requests()).toHaveLength(1)
  expect(requests()[0].options).toMatchObject({
    url: URL,
    method: 'POST',
    header: { 'content-type': 'application/json' },
    data: { code: 'code-1', encryptedData: 'ZW5j', iv: 'aXY=', source: 'getGroupEnterInfo' },
  })
})

it('uses getShareInfo with the shareTicket on a base library older than 2.10.4', async () => {
  configureHost({ sdkVersion: '2.9.0', enterOptions: { scene: 1044, shareTicket: 'TICKET', chatType: 3 } })
  const state = await settle()
  expect(state).toMatchObject({ status: 'resolved', opengid: 'G_HTTP', source: 'getShareInfo', scene: 1044 })
  expect(calls.find((c) => c.api === 'getShareInfo')?.options).toEqual({ shareTicket: 'TICKET' })
  expect(bridgeCalls()).toEqual(['getShareInfo'])
})

it("is 'none' for a launch that is not from a group, with no bridge call and no login", async () => {
  configureHost({ enterOptions: { scene: 1001 } })
  const state = await settle()
  expect(state).toMatchObject({ status: 'none', scene: 1001 })
  expect(calls.map((c) => c.api)).toEqual([])
})

it.each([
  ['missing', 'a host without the group APIs (tt, alipay)', {}],
  ['h5-dev', 'Taro H5 in development, scene 0', {}],
  ['h5-prod', 'Taro H5 in production, scene 0', {}],
  ['h5-prod', 'Taro H5 even when the launch claims a group', { webEnterOptions: { scene: 1008, chatType: 3 } }],
] as const)("is 'unsupported' on %s (%s), without calling anything", async (mode, _why, host) => {
  setMode(mode)
  configureHost(host)
  const state = await settle()
  expect(state.status).toBe('unsupported')
  expect(state.opengid).toBeUndefined()
  expect(calls).toEqual([])
})

// The stubs are never called through the store (see above), but a host that stubs the
// APIs this way must still never look like success: the bridge itself says UNSUPPORTED.
it.each([
  ['missing', 'getGroupEnterInfo does not exist'],
  ['h5-dev', "the development stub's fail: 暂时不支持 API"],
  ['h5-prod', "the production stub's success without encryptedData"],
] as const)('taroBridge() reports UNSUPPORTED on %s (%s)', async (mode, _why) => {
  setMode(mode)
  const bridge = taroBridge()
  await expect(bridge.getGroupEnterInfo({})).rejects.toMatchObject({ code: 'UNSUPPORTED' })
  await expect(bridge.getShareInfo('T')).rejects.toMatchObject({ code: 'UNSUPPORTED' })
  if (mode !== 'missing') await expect(bridge.login()).rejects.toMatchObject({ code: 'UNSUPPORTED' })
})

it.each([
  [40097, 'getGroupEnterInfo:fail invalid scene', 'SCENE'],
  [65206, 'getGroupEnterInfo:fail user not in group', 'LEFT_GROUP'],
  [-1, 'getGroupEnterInfo:fail system error', 'BRIDGE'],
])('maps errCode %i to %s', async (errCode, errMsg, code) => {
  configureHost({ getGroupEnterInfo: { fail: { errCode, errMsg } } })
  const state = await settle()
  expect(state.status).toBe('error')
  expect(state.error).toMatchObject({ name: 'GroupEnterError', code, errCode, errMsg })
  expect(requests()).toHaveLength(0)
})

it('times out an attempt that never answers, retrying it once', async () => {
  configureHost({ request: () => new Promise(() => undefined) })
  const state = await settle({ timeoutMs: 50, retry: 1 })
  expect(state.status).toBe('error')
  expect(state.error?.code).toBe('TIMEOUT')
  // Each attempt logs in again: a login code works once.
  expect(calls.filter((c) => c.api === 'login')).toHaveLength(2)
  expect(requests()).toHaveLength(2)
})

it("reports RESOLVER with the server's error code on HTTP 500, without retrying a bug", async () => {
  configureHost({
    request: async () => ({ statusCode: 500, data: { error: { code: 'INTERNAL', message: 'Internal error' } } }),
  })
  const state = await settle()
  expect(state.error).toMatchObject({
    code: 'RESOLVER',
    status: 500,
    serverCode: 'INTERNAL',
    message: 'Internal error',
  })
  expect(requests()).toHaveLength(1)
})

it('retries a 503 once and resolves when the second attempt succeeds', async () => {
  let n = 0
  configureHost({
    request: async () =>
      ++n === 1
        ? { statusCode: 503, data: { error: { code: 'WECHAT_UNAVAILABLE', message: 'busy' } } }
        : { statusCode: 200, data: { opengid: 'G_SECOND' } },
  })
  const state = await settle()
  expect(state).toMatchObject({ status: 'resolved', opengid: 'G_SECOND' })
  expect(requests()).toHaveLength(2)
})

it.each([
  ['no opengid', { chatType: 3 }],
  ['an empty opengid', { opengid: '' }],
  ['a non-string opengid', { opengid: 42 }],
  ['a non-JSON body', '<html>oops</html>'],
])('reports INVALID_RESPONSE for %s', async (_, data) => {
  configureHost({ request: async () => ({ statusCode: 200, data }) })
  const state = await settle()
  expect(state.status).toBe('error')
  expect(state.error?.code).toBe('INVALID_RESPONSE')
})

it('reports a network failure as a retryable RESOLVER error', async () => {
  configureHost({ request: () => Promise.reject({ errMsg: 'request:fail timeout' }) })
  const state = await settle({ retry: 0 })
  expect(state.error).toMatchObject({ code: 'RESOLVER', retryable: true, errMsg: 'request:fail timeout' })
})

it('passes allowSingleChat and needGroupOpenID through to the host', async () => {
  renderInGroup(<Probe />, { resolver: httpResolver({ url: URL }), allowSingleChat: true, needGroupOpenID: true })
  await waitFor(() => expect(seen?.status).toBe('resolved'))
  expect(calls.find((c) => c.api === 'getGroupEnterInfo')?.options).toEqual({
    allowSingleChat: true,
    needGroupOpenID: true,
  })
})
