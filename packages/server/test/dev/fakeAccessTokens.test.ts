import { chatToolSuite } from '../support/chatTool'
import { fakeApi } from '../support/fakeApi'

// The fake's stable_token as docs/platform-facts.md describes WeChat's.

const { wechat, fake, advance } = chatToolSuite()
const { call, stableToken, createActivity, sendUpdate, newToken } = fakeApi(wechat)

describe('POST /cgi-bin/stable_token', () => {
  test('hands every caller the same token while it has over 300 s to live, with what is left of it', async () => {
    const first = await stableToken()
    expect(first).toEqual({ access_token: expect.any(String), expires_in: 7200 })
    advance(1000 * 1000)
    expect(await stableToken()).toEqual({ access_token: first.access_token, expires_in: 6200 })
    expect(fake.issuedAccessTokens).toContain(first.access_token)
  })

  test('renews it with 300 s left; old and new both work until the old one expires', async () => {
    const old = await newToken()
    advance(6900 * 1000)
    const renewed = await newToken()
    expect(renewed).not.toBe(old)
    expect((await createActivity(old)).errcode).toBe(0)
    expect((await createActivity(renewed)).errcode).toBe(0)
    advance(300 * 1000)
    expect((await createActivity(old)).errcode).toBe(42001)
    expect((await createActivity(renewed)).errcode).toBe(0)
  })

  test('force_refresh: true replaces the token at once; the old one is 40001', async () => {
    const old = await newToken()
    const { access_token: forced } = await stableToken({ force_refresh: true })
    expect(forced).not.toBe(old)
    expect((await createActivity(old)).errcode).toBe(40001)
    expect((await createActivity(forced as string)).errcode).toBe(0)
  })

  test.each([
    ['a wrong grant_type', 40002, { grant_type: 'authorization_code' }],
    ['a wrong appid', 40013, { appid: 'wxanotherapp00000' }],
    ['a wrong secret (40001 at the token endpoints)', 40001, { secret: 'wrong' }],
    ['a force_refresh that is no boolean', 47001, { force_refresh: 'yes' }],
  ])('%s is errcode %s', async (_name, errcode, change) => {
    expect(await stableToken(change)).toEqual({ errcode, errmsg: expect.stringContaining('rid: ') })
  })

  test('a body that is not JSON is 47001, and every answer counts in tokenIssuances', async () => {
    const before = fake.tokenIssuances
    expect((await call('POST', '/cgi-bin/stable_token', 'grant_type=client_credential')).errcode).toBe(47001)
    await stableToken()
    expect(fake.tokenIssuances - before).toBe(2)
  })
})

describe('the APIs that take an access_token', () => {
  test('no token is 41001, one the fake never issued 40001, a revoked one 40001', async () => {
    expect((await call('GET', '/cgi-bin/message/wxopen/activityid/create')).errcode).toBe(41001)
    expect((await createActivity('never-issued')).errcode).toBe(40001)
    const token = await newToken()
    fake.revokeAccessToken(token)
    expect((await sendUpdate(token, {})).errcode).toBe(40001)
    expect(await newToken()).not.toBe(token)
  })
})
