import {
  code2Session,
  createAccessTokenCache,
  createGroupResolver,
  DEFAULT_ENDPOINT,
  type FetchLike,
} from '@opengid/server'
import { groupAnswer } from '../support/answers'
import { APP_ID, CREDENTIALS, SECRET, clientBody, newUser, servedFake } from '../support/fixtures'

const ENV = 'OPENGID_WECHAT_ENDPOINT'
const wechat = servedFake()
const { fake } = wechat

/** A fetch that records the origin it was asked for and answers like WeChat, without the network. */
function recordingFetch(): { fetch: FetchLike; origins: string[] } {
  const origins: string[] = []
  const fetch: FetchLike = async (url) => {
    origins.push(new URL(url).origin)
    return { status: 200, text: async () => JSON.stringify({ openid: 'o-1', session_key: 'a2V5a2V5a2V5a2V5a2V5aw==' }) }
  }
  return { fetch, origins }
}

const saved = process.env[ENV]
afterEach(() => {
  if (saved === undefined) delete process.env[ENV]
  else process.env[ENV] = saved
})

describe(`the ${ENV} environment variable`, () => {
  test('points a resolver created without `endpoint` at the fake WeChat', async () => {
    process.env[ENV] = wechat.url
    const resolve = createGroupResolver({ ...CREDENTIALS })
    const before = fake.exchanges
    await expect(resolve(clientBody(fake, { opengid: 'G-from-env' }))).resolves.toEqual(
      groupAnswer({
        opengid: 'G-from-env',
        chatType: 3,
      }),
    )
    expect(fake.exchanges).toBe(before + 1)
  })

  test('points code2Session called without `endpoint` at it, read on each call', async () => {
    process.env[ENV] = `${wechat.url}/`
    const user = newUser()
    const session = await code2Session({ appId: APP_ID, secret: SECRET, code: fake.login(user) })
    expect(session.sessionKey).toBe(fake.sessionKey(user))
  })

  test('points an access token cache created without `endpoint` at it, read at creation', async () => {
    process.env[ENV] = wechat.url
    const tokens = createAccessTokenCache({ appId: APP_ID, secret: SECRET })
    process.env[ENV] = 'http://127.0.0.1:9'
    const before = fake.tokenIssuances
    await tokens.get()
    expect(tokens.transport.endpoint).toBe(wechat.url)
    expect(fake.tokenIssuances).toBe(before + 1)
  })

  test('an `endpoint` option wins over it', async () => {
    process.env[ENV] = 'http://127.0.0.1:9'
    const { fetch, origins } = recordingFetch()
    await code2Session({ appId: APP_ID, secret: SECRET, code: 'c', endpoint: 'https://wechat.example', fetch })
    expect(origins).toEqual(['https://wechat.example'])
  })

  test.each([
    ['unset', undefined],
    ['empty', ''],
  ])('%s, WeChat itself is called', async (_name, value) => {
    if (value === undefined) delete process.env[ENV]
    else process.env[ENV] = value
    const { fetch, origins } = recordingFetch()
    await code2Session({ appId: APP_ID, secret: SECRET, code: 'c', fetch })
    const block = Buffer.alloc(16).toString('base64')
    const resolve = createGroupResolver({ ...CREDENTIALS, fetch })
    // The recorded answer's key cannot decrypt this block: only the call matters here.
    await expect(resolve({ code: 'c', encryptedData: block, iv: block })).rejects.toThrow()
    expect(origins).toEqual([DEFAULT_ENDPOINT, DEFAULT_ENDPOINT])
    expect(DEFAULT_ENDPOINT).toBe('https://api.weixin.qq.com')
  })

  test('a value that is not an http(s) URL fails at creation, naming the variable', () => {
    process.env[ENV] = '127.0.0.1:3001'
    expect(() => createGroupResolver({ ...CREDENTIALS })).toThrow(
      new TypeError(`the ${ENV} environment variable must be an http(s) URL such as https://api.weixin.qq.com`),
    )
    expect(() => createGroupResolver({ ...CREDENTIALS, endpoint: 'ftp://x' })).toThrow(/^endpoint must be/)
    expect(() => createAccessTokenCache({ appId: APP_ID, secret: SECRET })).toThrow(new RegExp(`^the ${ENV}`))
  })
})
