import {
  createAccessTokenCache,
  memoryTokenStore,
  WECHAT_UNREACHABLE,
  WeChatApiError,
  type AccessTokenCacheOptions,
  type AccessTokenStore,
} from '@opengid/server'
import { createFakeWeChat } from '@opengid/server/dev'
import { APP_ID, SECRET, servedFake } from '../../support/fixtures'
import { recordingFetch } from '../../support/recordingFetch'
import { errorText, expectNoSecrets, weChatFailure } from '../../support/rejection'
import { serve } from '../../support/serve'

const STABLE_TOKEN = '/cgi-bin/stable_token'

// One clock for the fake WeChat and the caches: tests move it instead of waiting.
let clock = Date.UTC(2030, 0, 1)
const now = () => clock
const wechat = servedFake(createFakeWeChat({ appId: APP_ID, secret: SECRET, now }))
const { fake } = wechat

// The fake's stable token outlives a test; a day later it has expired, so each
// test starts from a token WeChat issues fresh, with its whole 7200 s to live.
beforeEach(() => {
  clock += 24 * 60 * 60 * 1000
})

const cacheOf = (options: Partial<AccessTokenCacheOptions> = {}) =>
  createAccessTokenCache({ appId: APP_ID, secret: SECRET, endpoint: wechat.url, now, ...options })

describe('createAccessTokenCache', () => {
  test('50 concurrent get() calls make one stable_token request and share its token', async () => {
    const tokens = cacheOf()
    const before = fake.tokenIssuances
    const got = await Promise.all(Array.from({ length: 50 }, () => tokens.get()))
    expect(fake.tokenIssuances - before).toBe(1)
    expect(new Set(got).size).toBe(1)
    expect(fake.issuedAccessTokens).toContain(got[0])
  })

  test('asks with POST /cgi-bin/stable_token, the secret in the JSON body and force_refresh false', async () => {
    const { fetch, calls } = recordingFetch()
    await cacheOf({ fetch }).get()
    expect(calls).toEqual([
      {
        method: 'POST',
        path: STABLE_TOKEN,
        query: {},
        body: { grant_type: 'client_credential', appid: APP_ID, secret: SECRET, force_refresh: false },
      },
    ])
  })

  test('serves the stored token until renewBeforeSeconds (300) before it expires, then renews it', async () => {
    const tokens = cacheOf()
    const before = fake.tokenIssuances
    const first = await tokens.get()
    clock += (7200 - 301) * 1000
    expect(await tokens.get()).toBe(first)
    expect(fake.tokenIssuances - before).toBe(1)
    clock += 1000 // 300 s left: WeChat renews the stable token now too
    const second = await tokens.get()
    expect(second).not.toBe(first)
    expect(fake.tokenIssuances - before).toBe(2)
    expect(await tokens.get()).toBe(second)
    expect(fake.tokenIssuances - before).toBe(2)
  })

  test('renewBeforeSeconds moves the renewal closer to expiry', async () => {
    const tokens = cacheOf({ renewBeforeSeconds: 60 })
    const first = await tokens.get()
    clock += (7200 - 61) * 1000
    expect(await tokens.get()).toBe(first)
    const before = fake.tokenIssuances
    clock += 1000
    expect(await tokens.get()).not.toBe(first)
    expect(fake.tokenIssuances - before).toBe(1)
  })

  test('a failed refresh rejects every waiter with the WeChatApiError; the next get() asks again', async () => {
    const tokens = cacheOf()
    fake.failNext(45009, STABLE_TOKEN)
    const before = fake.tokenIssuances
    const outcomes = await Promise.allSettled(Array.from({ length: 50 }, () => tokens.get()))
    expect(fake.tokenIssuances - before).toBe(1)
    for (const outcome of outcomes) {
      expect(outcome.status).toBe('rejected')
      const { reason } = outcome as PromiseRejectedResult
      expect(reason).toBeInstanceOf(WeChatApiError)
      expect((reason as WeChatApiError).errcode).toBe(45009)
    }
    const token = await tokens.get()
    expect(fake.issuedAccessTokens).toContain(token)
    expect(fake.tokenIssuances - before).toBe(2)
  })

  test('system busy (-1) is asked again once, at once', async () => {
    fake.failNext(-1, STABLE_TOKEN)
    const before = fake.tokenIssuances
    await cacheOf().get()
    expect(fake.tokenIssuances - before).toBe(2)
  })

  test.each([
    ['a wrong secret', 40001, { secret: 'another-secret-0123456789' }],
    ['a wrong appid', 40013, { appId: 'wxanotherapp00000' }],
  ])('%s is a WeChatApiError with errcode %s, without the secret', async (_name, errcode, change) => {
    const error = await weChatFailure(cacheOf(change).get())
    expect(error.errcode).toBe(errcode)
    expect(errorText(error)).not.toContain('another-secret-0123456789')
    expectNoSecrets(error, fake, SECRET)
  })

  test('invalidate(token): the next get() asks WeChat, still without force_refresh', async () => {
    const { fetch, to } = recordingFetch()
    const tokens = cacheOf({ fetch })
    const first = await tokens.get()
    fake.revokeAccessToken(first) // as if WeChat had refused it with 40001
    await tokens.invalidate(first)
    const second = await tokens.get()
    expect(second).not.toBe(first)
    expect(to(STABLE_TOKEN).map((call) => (call.body as { force_refresh: boolean }).force_refresh)).toEqual([
      false,
      false,
    ])
  })

  test('invalidating a token already replaced keeps the newer one', async () => {
    const tokens = cacheOf()
    const first = await tokens.get()
    fake.revokeAccessToken(first)
    await tokens.invalidate(first)
    const second = await tokens.get()
    const before = fake.tokenIssuances
    await tokens.invalidate(first) // a late 40001 from a call made with the old token
    expect(await tokens.get()).toBe(second)
    expect(fake.tokenIssuances).toBe(before)
  })

  test('an invalidated token is not served again from the store, even when it is put back', async () => {
    const store = memoryTokenStore()
    const tokens = cacheOf({ store })
    const first = await tokens.get()
    fake.revokeAccessToken(first)
    await tokens.invalidate(first)
    // Another instance that has not heard of the refusal stores the old token again.
    await store.set(APP_ID, { token: first, expiresAt: clock + 3600_000 }, 3600)
    expect(await tokens.get()).not.toBe(first)
  })

  test('several caches over one store share its token', async () => {
    const store = memoryTokenStore()
    const before = fake.tokenIssuances
    const token = await cacheOf({ store }).get()
    expect(await cacheOf({ store }).get()).toBe(token)
    expect(fake.tokenIssuances - before).toBe(1)
  })

  test('a store that fails costs a request to WeChat, not the token; the report quotes no token', async () => {
    const leakyFailure = (operation: string) => (key: string) =>
      Promise.reject(
        Object.assign(new Error(`${operation} ${key} ${fake.issuedAccessTokens.join(' ')}`), {
          code: 'ECONNREFUSED',
        }),
      )
    const broken: AccessTokenStore = { get: leakyFailure('GET'), set: leakyFailure('SET'), delete: leakyFailure('DEL') }
    const reports: Error[] = []
    const tokens = cacheOf({ store: broken, onInternalError: (error) => reports.push(error as Error) })
    const token = await tokens.get()
    expect(fake.issuedAccessTokens).toContain(token)
    await tokens.invalidate(token)
    expect(reports.map((error) => error.message)).toEqual([
      'the access token store failed to read the token (ECONNREFUSED): WeChat is asked instead',
      'the access token store failed to keep the token (ECONNREFUSED): the next call asks WeChat again',
      'the access token store failed to read the token (ECONNREFUSED): WeChat is asked instead',
    ])
    for (const report of reports) expectNoSecrets(report, fake, SECRET)
  })

  test('a store that never answers is a failure after storeTimeoutMs: 200 waiting get() calls all get a token (issue 19)', async () => {
    const never = () => new Promise<never>(() => undefined)
    const reports: Error[] = []
    const tokens = cacheOf({
      store: { get: never, set: never, delete: never },
      storeTimeoutMs: 100,
      onInternalError: (error) => reports.push(error as Error),
    })
    const started = performance.now()
    const got = await Promise.all(Array.from({ length: 200 }, () => tokens.get()))
    // One read cut off at 100 ms; a margin for a busy machine.
    expect(performance.now() - started).toBeLessThan(3000)
    expect(new Set(got).size).toBe(1)
    // The token was handed out before the write gave up: the read had failed already.
    expect(reports.map((error) => error.message)).toEqual([
      'the access token store failed to read the token (ETIMEDOUT): WeChat is asked instead',
    ])
    while (reports.length < 2) await new Promise((resolve) => setTimeout(resolve, 20))
    expect(reports[1].message).toBe(
      'the access token store failed to keep the token (ETIMEDOUT): the next call asks WeChat again',
    )
  })

  test('a store that answers is waited for: the token is kept before get() hands it out', async () => {
    let writing = false
    const store = memoryTokenStore()
    const tokens = cacheOf({
      store: {
        get: (appId) => store.get(appId),
        delete: (appId) => store.delete(appId),
        set: async (...args) => {
          writing = true
          await new Promise((resolve) => setTimeout(resolve, 50))
          await store.set(...args)
          writing = false
        },
      },
    })
    const token = await tokens.get()
    expect(writing).toBe(false)
    expect((await store.get(APP_ID))?.token).toBe(token)
  })

  test('after a failed read, a write that hangs does not hold get(): the token is handed out at once', async () => {
    let keep!: () => void
    const store = memoryTokenStore()
    const tokens = cacheOf({
      store: {
        get: () => Promise.reject(Object.assign(new Error('down'), { code: 'ECONNREFUSED' })),
        delete: (appId) => store.delete(appId),
        // Answers only when the test says so; its deadline (60 s) is far beyond the test's.
        set: (...args) => new Promise<void>((resolve) => (keep = resolve)).then(() => store.set(...args)),
      },
      storeTimeoutMs: 60_000,
      onInternalError: () => undefined,
    })
    const token = await tokens.get()
    expect(await store.get(APP_ID)).toBeUndefined()
    keep()
    await new Promise((resolve) => setTimeout(resolve, 0))
    expect((await store.get(APP_ID))?.token).toBe(token)
  })

  test('a bad storeTimeoutMs is a TypeError at creation', () => {
    expect(() => cacheOf({ storeTimeoutMs: -5 })).toThrow(TypeError)
  })

  test("without onInternalError a store failure goes to the console, as the handlers' reports do", async () => {
    const consoleError = jest.spyOn(console, 'error').mockImplementation(() => undefined)
    try {
      const failing: AccessTokenStore = { ...memoryTokenStore(), get: () => Promise.reject(new Error('down')) }
      await cacheOf({ store: failing }).get()
      expect(consoleError).toHaveBeenCalledTimes(1)
      expect(consoleError).toHaveBeenCalledWith(
        '[@opengid/server] internal error:',
        new Error('the access token store failed to read the token: WeChat is asked instead'),
      )
    } finally {
      consoleError.mockRestore()
    }
  })

  test('whatever a custom store answers that is not a token record counts as no token', async () => {
    for (const answer of [null, 'not json', { token: '' }, { token: 't', expiresAt: 'later' }, ['t']]) {
      const store: AccessTokenStore = { ...memoryTokenStore(), get: async () => answer as never }
      const before = fake.tokenIssuances
      await cacheOf({ store }).get()
      expect(fake.tokenIssuances - before).toBe(1)
    }
  })

  describe('an answer that is not a token, or an errmsg quoting the secret', () => {
    test.each([
      ['no access_token', 200, '{"expires_in":7200}'],
      ['no expires_in', 200, '{"access_token":"t"}'],
      ['an HTML error page', 502, '<html>bad gateway</html>'],
    ])('%s is WECHAT_UNREACHABLE', async (_name, status, body) => {
      const odd = await serve((_req, res) => {
        res.statusCode = status
        res.end(body)
      })
      try {
        expect((await weChatFailure(cacheOf({ endpoint: odd.url }).get())).errcode).toBe(WECHAT_UNREACHABLE)
      } finally {
        await odd.close()
      }
    })

    test("WeChat's errmsg never carries the secret into the error", async () => {
      const echo = await serve((_req, res) => res.end(JSON.stringify({ errcode: 40001, errmsg: `bad ${SECRET}` })))
      try {
        const error = await weChatFailure(cacheOf({ endpoint: echo.url }).get())
        expect(error.errmsg).toBe('bad [redacted]')
        expectNoSecrets(error, fake, SECRET)
      } finally {
        await echo.close()
      }
    })
  })

  test('options it cannot work with are a TypeError at creation', () => {
    const base = { appId: APP_ID, secret: SECRET, endpoint: 'https://wechat.example' }
    expect(() => createAccessTokenCache({ ...base, appId: '' })).toThrow(TypeError)
    expect(() => createAccessTokenCache({ ...base, secret: undefined as never })).toThrow(TypeError)
    expect(() => createAccessTokenCache({ ...base, endpoint: 'ftp://x' })).toThrow(/^endpoint must be/)
    expect(() => createAccessTokenCache({ ...base, timeoutMs: 0 })).toThrow(TypeError)
    expect(() => createAccessTokenCache({ ...base, now: 5 as never })).toThrow(TypeError)
    for (const renewBeforeSeconds of [-1, 301, Number.NaN]) {
      expect(() => createAccessTokenCache({ ...base, renewBeforeSeconds })).toThrow(
        'renewBeforeSeconds must be a number from 0 to 300',
      )
    }
  })

  test('invalidate() of anything but a token is a TypeError', async () => {
    await expect(cacheOf().invalidate('' as never)).rejects.toThrow(TypeError)
  })
})
