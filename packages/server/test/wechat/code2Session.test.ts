import { code2Session, WECHAT_UNREACHABLE, WeChatApiError, type Code2SessionOptions } from '@opengid/server'
import { APP_ID, SECRET, newUser, servedFake } from '../support/fixtures'
import { serve } from '../support/serve'

const wechat = servedFake()
const { fake } = wechat

const options = (code: string, extra: Partial<Code2SessionOptions> = {}): Code2SessionOptions => ({
  appId: APP_ID,
  secret: SECRET,
  code,
  endpoint: wechat.url,
  ...extra,
})

async function failure(promise: Promise<unknown>): Promise<WeChatApiError> {
  try {
    await promise
  } catch (error) {
    if (error instanceof WeChatApiError) return error
    throw error
  }
  throw new Error('code2Session did not fail')
}

function expectNoSecret(error: WeChatApiError): void {
  expect(error.message).not.toContain(SECRET)
  expect(error.errmsg).not.toContain(SECRET)
  expect(String(error.stack)).not.toContain(SECRET)
}

describe('code2Session', () => {
  test("exchanges a code for the user's openid and current session key", async () => {
    const user = newUser()
    const session = await code2Session(options(fake.login(user)))
    expect(session).toEqual({ openid: expect.stringMatching(/^o/), sessionKey: fake.sessionKey(user) })
  })

  test('a code works once (40029 the second time)', async () => {
    const code = fake.login(newUser())
    await code2Session(options(code))
    expect((await failure(code2Session(options(code)))).errcode).toBe(40029)
  })

  test.each([
    ['an unknown code', { code: 'never-issued' }, 40029],
    ['a wrong secret', { secret: 'another-secret' }, 40125],
    ['a wrong appid', { appId: 'wxanotherapp00000' }, 40013],
  ])('%s is a WeChatApiError with errcode %s', async (_name, change, errcode) => {
    const error = await failure(code2Session({ ...options(fake.login(newUser())), ...change }))
    expect(error.errcode).toBe(errcode)
    expect(error.errmsg).toMatch(/invalid/)
    expectNoSecret(error)
  })

  test.each([45011, 40226])('WeChat errcode %s is passed on, not retried', async (errcode) => {
    const code = fake.login(newUser())
    fake.failNext(errcode)
    const before = fake.exchanges
    expect((await failure(code2Session(options(code)))).errcode).toBe(errcode)
    expect(fake.exchanges - before).toBe(1)
  })

  test('system busy (-1) is retried once', async () => {
    const user = newUser()
    fake.failNext(-1)
    const before = fake.exchanges
    expect((await code2Session(options(fake.login(user)))).sessionKey).toBe(fake.sessionKey(user))
    expect(fake.exchanges - before).toBe(2)
  })

  test('system busy twice fails with -1', async () => {
    fake.failNext(-1)
    fake.failNext(-1)
    expect((await failure(code2Session(options(fake.login(newUser()))))).errcode).toBe(-1)
  })

  test('an endpoint with a trailing slash works', async () => {
    const user = newUser()
    const session = await code2Session(options(fake.login(user), { endpoint: `${wechat.url}/` }))
    expect(session.sessionKey).toBe(fake.sessionKey(user))
  })

  test('the request is the documented GET with all four parameters', async () => {
    const seen: string[] = []
    const recorder = await serve((req, res) => {
      seen.push(`${req.method} ${req.url}`)
      res.end(JSON.stringify({ openid: 'o1', session_key: 'k', unionid: 'u1' }))
    })
    try {
      expect(await code2Session(options('the+code', { endpoint: recorder.url }))).toEqual({
        openid: 'o1',
        sessionKey: 'k',
        unionid: 'u1',
      })
      const url = new URL(seen[0].slice(4), recorder.url)
      expect(seen[0].startsWith('GET /sns/jscode2session?')).toBe(true)
      expect(Object.fromEntries(url.searchParams)).toEqual({
        appid: APP_ID,
        secret: SECRET,
        js_code: 'the+code',
        grant_type: 'authorization_code',
      })
    } finally {
      await recorder.close()
    }
  })

  describe('no usable answer is WECHAT_UNREACHABLE, without the secret', () => {
    test('a refused connection', async () => {
      const gone = await serve((_req, res) => res.end())
      await gone.close()
      const error = await failure(code2Session(options('c', { endpoint: gone.url })))
      expect(error.errcode).toBe(WECHAT_UNREACHABLE)
      expect(error.errmsg).toMatch(/network error/)
      expectNoSecret(error)
    })

    test('a server that never answers, after timeoutMs', async () => {
      const silent = await serve(() => undefined)
      try {
        const started = Date.now()
        const error = await failure(code2Session(options('c', { endpoint: silent.url, timeoutMs: 100 })))
        expect(error.errcode).toBe(WECHAT_UNREACHABLE)
        expect(error.errmsg).toMatch(/100 ms/)
        expect(Date.now() - started).toBeLessThan(2000)
        expectNoSecret(error)
      } finally {
        await silent.close()
      }
    })

    test.each([
      ['an HTML error page', 502, '<html>bad gateway</html>'],
      ['text that is not JSON', 200, 'hello'],
      ['JSON without session_key', 200, '{"openid":"o"}'],
      ['a JSON array', 200, '[]'],
    ])('%s', async (_name, status, body) => {
      const odd = await serve((_req, res) => {
        res.statusCode = status
        res.end(body)
      })
      try {
        const error = await failure(code2Session(options('c', { endpoint: odd.url })))
        expect(error.errcode).toBe(WECHAT_UNREACHABLE)
        expectNoSecret(error)
      } finally {
        await odd.close()
      }
    })

    test('a custom fetch that rejects with the URL in its message', async () => {
      const leaky = (url: string) => Promise.reject(new Error(`failed to GET ${url}`))
      const error = await failure(code2Session(options('c', { fetch: leaky })))
      expect(error.errcode).toBe(WECHAT_UNREACHABLE)
      expectNoSecret(error)
    })
  })
})
