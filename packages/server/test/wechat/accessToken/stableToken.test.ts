import { WECHAT_UNREACHABLE, type FetchLike } from '@opengid/server'
import { requestStableToken } from '../../../src/wechat/accessToken/stableToken'
import { wechatTransport } from '../../../src/wechat/wechatRequest'
import { chatToolSuite, STABLE_TOKEN } from '../../support/chatTool'
import { APP_ID, SECRET } from '../../support/fixtures'
import { recordingFetch } from '../../support/recordingFetch'
import { errorText, expectNoSecrets, weChatFailure } from '../../support/rejection'
import { serve, type Served } from '../../support/serve'

// The fake WeChat on a clock the tests move; each test starts a day later, from a fresh token.
const { wechat, fake, now, advance } = chatToolSuite()

const request = (options: { endpoint?: string; fetch?: FetchLike; secret?: string } = {}) =>
  requestStableToken(
    wechatTransport(options.endpoint ?? wechat.url, { fetch: options.fetch }),
    APP_ID,
    options.secret ?? SECRET,
    now,
  )

describe('requestStableToken', () => {
  test('POSTs /cgi-bin/stable_token: the secret in the JSON body, never in the URL, force_refresh false', async () => {
    const { fetch, calls } = recordingFetch()
    await request({ fetch })
    expect(calls).toEqual([
      {
        method: 'POST',
        path: STABLE_TOKEN,
        query: {},
        body: { grant_type: 'client_credential', appid: APP_ID, secret: SECRET, force_refresh: false },
      },
    ])
  })

  test("gives WeChat's token, expiring expires_in seconds after it was asked for", async () => {
    const asked = now()
    const { token, expiresAt } = await request()
    expect(fake.issuedAccessTokens).toContain(token)
    expect(expiresAt).toBe(asked + 7200 * 1000)
  })

  // Another instance asking later is handed the same token: both must agree on when it ends.
  test('the same token asked for later expires at the same moment', async () => {
    const first = await request()
    advance(1000 * 1000)
    expect(await request()).toEqual(first)
  })

  test('an errcode is a WeChatApiError with that errcode', async () => {
    fake.failNext(45009, STABLE_TOKEN)
    expect((await weChatFailure(request())).errcode).toBe(45009)
  })

  test('a wrong secret is errcode 40001, and the error quotes neither secret', async () => {
    const wrong = 'wrong-secret-0123456789abcdef'
    const error = await weChatFailure(request({ secret: wrong }))
    expect(error.errcode).toBe(40001)
    expect(errorText(error)).not.toContain(wrong)
    expectNoSecrets(error, fake, SECRET)
  })

  describe('against a WeChat that answers what a test says', () => {
    let answer = ''
    let onRequest = () => {}
    let odd: Served | undefined
    beforeAll(async () => {
      odd = await serve((_req, res) => {
        onRequest()
        res.end(answer)
      })
    })
    afterAll(() => odd?.close())
    beforeEach(() => {
      onRequest = () => {}
    })
    const requestOdd = () => request({ endpoint: odd?.url })

    test('an errmsg quoting the secret reaches the error with the secret cut out', async () => {
      answer = JSON.stringify({ errcode: 40001, errmsg: `invalid credential ${SECRET}` })
      const error = await weChatFailure(requestOdd())
      expect(error.errmsg).toBe('invalid credential [redacted]')
      expect(errorText(error)).not.toContain(SECRET)
    })

    test("the token's life is counted from the moment of asking, not of the answer", async () => {
      const asked = now()
      onRequest = () => advance(5000)
      answer = JSON.stringify({ access_token: 'token-1', expires_in: 7200 })
      expect(await requestOdd()).toEqual({ token: 'token-1', expiresAt: asked + 7200 * 1000 })
    })

    test('an answer with errcode 0 and a token is a token', async () => {
      answer = JSON.stringify({ errcode: 0, errmsg: 'ok', access_token: 'token-2', expires_in: 60 })
      expect(await requestOdd()).toEqual({ token: 'token-2', expiresAt: now() + 60 * 1000 })
    })

    test.each([
      ['an empty object', {}],
      ['no access_token', { expires_in: 7200 }],
      ['an empty access_token', { access_token: '', expires_in: 7200 }],
      ['an access_token that is not a string', { access_token: 12345, expires_in: 7200 }],
      ['no expires_in', { access_token: 'token-3' }],
      ['expires_in as a string', { access_token: 'token-3', expires_in: '7200' }],
      ['expires_in 0', { access_token: 'token-3', expires_in: 0 }],
      ['a negative expires_in', { access_token: 'token-3', expires_in: -1 }],
    ])('%s is WECHAT_UNREACHABLE: not a token the server could use', async (_name, body) => {
      answer = JSON.stringify(body)
      expect((await weChatFailure(requestOdd())).errcode).toBe(WECHAT_UNREACHABLE)
    })

    test('an expires_in too large for a number (1e400 parses as Infinity) is WECHAT_UNREACHABLE, not a token kept forever', async () => {
      answer = '{"access_token":"token-3","expires_in":1e400}'
      expect((await weChatFailure(requestOdd())).errcode).toBe(WECHAT_UNREACHABLE)
    })
  })
})
