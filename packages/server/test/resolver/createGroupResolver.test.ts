import { randomBytes } from 'node:crypto'
import { createGroupResolver, createNodeHandler, WECHAT_UNREACHABLE, type FetchLike } from '@opengid/server'
import { groupAnswer } from '../support/answers'
import { encryptOpenData } from '@opengid/server/dev'
import { decodeBase64 } from '../../src/openData/base64'
import { APP_ID, CREDENTIALS, SECRET } from '../support/fixtures'
import { rejection } from '../support/rejection'

jest.mock('../../src/openData/base64', () => {
  const actual = jest.requireActual<typeof import('../../src/openData/base64')>('../../src/openData/base64')
  return { decodeBase64: jest.fn(actual.decodeBase64) }
})

test('createGroupResolver decodes encryptedData and iv once per request', async () => {
  const sessionKey = randomBytes(16).toString('base64')
  const wechat: FetchLike = async () => ({
    status: 200,
    text: async () => JSON.stringify({ openid: 'o-user', session_key: sessionKey }),
  })
  const data = encryptOpenData(sessionKey, { opengid: 'G-once' })
  const resolve = createGroupResolver({ ...CREDENTIALS, fetch: wechat })

  expect(await resolve({ code: 'a-login-code', ...data })).toEqual(groupAnswer({ opengid: 'G-once' }))
  const decoded = jest.mocked(decodeBase64).mock.calls.map(([text]) => text)
  expect(decoded.filter((text) => text === data.encryptedData)).toHaveLength(1)
  expect(decoded.filter((text) => text === data.iv)).toHaveLength(1)
})

describe('handler options are checked at creation', () => {
  test.each([
    ['no ticketSecret', { appId: APP_ID, secret: SECRET }],
    ['a ticketSecret under 32 bytes', { ...CREDENTIALS, ticketSecret: 'too-short' }],
    [
      'the AppSecret as ticketSecret',
      { ...CREDENTIALS, ticketSecret: SECRET.padEnd(40, '0'), secret: SECRET.padEnd(40, '0') },
    ],
    ['a bodyTimeoutMs of 0', { ...CREDENTIALS, bodyTimeoutMs: 0 }],
    ['a ticketTtlSeconds of NaN', { ...CREDENTIALS, ticketTtlSeconds: Number.NaN }],
  ])('%s is a TypeError', (_name, options) => {
    expect(() => createNodeHandler(options as Parameters<typeof createNodeHandler>[0])).toThrow(TypeError)
  })
})

describe('deadlines (issue 19): every call is bounded, and no code is spent on a failing store', () => {
  const sessionKey = randomBytes(16).toString('base64')
  const data = encryptOpenData(sessionKey, { opengid: 'G-deadline' })
  const never = () => new Promise<never>(() => undefined)
  const hangingStore = { get: never, set: never, delete: never }
  const loginAnswer = async () => ({
    status: 200,
    text: async () => JSON.stringify({ openid: 'o-user', session_key: sessionKey }),
  })

  async function timed(promise: Promise<unknown>): Promise<{ error: Error; ms: number }> {
    const started = performance.now()
    const error = await rejection(promise)
    return { error, ms: performance.now() - started }
  }

  test('a cold request against a store that does not answer is STORE_UNAVAILABLE by storeTimeoutMs, its code unspent', async () => {
    const wechat = jest.fn(loginAnswer)
    const resolve = createGroupResolver({ ...CREDENTIALS, fetch: wechat, sessions: hangingStore, storeTimeoutMs: 100 })
    const { error, ms } = await timed(resolve({ code: 'a-login-code', ...data }))
    expect(error).toMatchObject({ name: 'SessionError', code: 'STORE_UNAVAILABLE' })
    expect(error.message).toContain('ETIMEDOUT')
    expect(ms).toBeLessThan(2000)
    expect(wechat).not.toHaveBeenCalled()
  })

  test('a warm request against a store that does not answer is STORE_UNAVAILABLE by storeTimeoutMs', async () => {
    const resolve = createGroupResolver({ ...CREDENTIALS, sessions: hangingStore, storeTimeoutMs: 100 })
    const { error, ms } = await timed(resolve({ session: 'A'.repeat(32), ...data }))
    expect(error).toMatchObject({ name: 'SessionError', code: 'STORE_UNAVAILABLE' })
    expect(ms).toBeLessThan(2000)
  })

  test("WeChat's retry of -1 runs only when a whole attempt still fits in the request's budget", async () => {
    const busyLate = jest.fn(async () => {
      await new Promise((resolve) => setTimeout(resolve, 450))
      return { status: 200, text: async () => JSON.stringify({ errcode: -1, errmsg: 'system busy' }) }
    })
    // 1000 budget - 100 for the session's write - 450 spent = 450 left: less than one 500 ms attempt.
    const resolve = createGroupResolver({
      ...CREDENTIALS,
      fetch: busyLate,
      timeoutMs: 500,
      storeTimeoutMs: 100,
      requestBudgetMs: 1000,
    })
    const { error, ms } = await timed(resolve({ code: 'a-login-code', ...data }))
    expect(error).toMatchObject({ name: 'WeChatApiError', errcode: -1 })
    expect(busyLate).toHaveBeenCalledTimes(1)
    expect(ms).toBeLessThan(1000 + 1000)
  })

  test('a fetch that ignores its abort signal is still cut off at the budget: WECHAT_UNREACHABLE, never a hang', async () => {
    const resolve = createGroupResolver({
      ...CREDENTIALS,
      fetch: never,
      storeTimeoutMs: 100,
      requestBudgetMs: 600,
    })
    const { error, ms } = await timed(resolve({ code: 'a-login-code', ...data }))
    expect(error).toMatchObject({ name: 'WeChatApiError', errcode: WECHAT_UNREACHABLE })
    expect(ms).toBeLessThan(600 + 1000)
  })

  test.each([
    ['storeTimeoutMs', { storeTimeoutMs: 0 }],
    ['requestBudgetMs', { requestBudgetMs: Number.NaN }],
    ['requestBudgetMs that the store could use up', { requestBudgetMs: 2000, storeTimeoutMs: 1000 }],
  ])('a bad %s is a TypeError at creation', (_name, option) => {
    expect(() => createGroupResolver({ ...CREDENTIALS, ...option })).toThrow(TypeError)
  })
})
