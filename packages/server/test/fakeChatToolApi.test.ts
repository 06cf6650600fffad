import { createAccessTokenCache, createActivityId } from '@opengid/server'
import { createFakeWeChat, startDevServer } from '@opengid/server/dev'
import { APP_ID, SECRET, servedFake } from './support/fixtures'
import { send } from './support/http'

/**
 * The fake WeChat's access token and chat tool message APIs, over HTTP, as
 * docs/platform-facts.md describes WeChat's (where WeChat documents no errcode,
 * fakeActivities.ts says which one the fake assumes).
 */

let clock = Date.UTC(2030, 0, 1)
const now = () => clock
const wechat = servedFake(createFakeWeChat({ appId: APP_ID, secret: SECRET, now }))
const { fake } = wechat

beforeEach(() => {
  clock += 24 * 60 * 60 * 1000 // the last test's token has expired
})

type Json = Record<string, unknown>

async function call(method: 'GET' | 'POST', path: string, body?: unknown): Promise<Json> {
  const answer = await send(`${wechat.url}${path}`, {
    method,
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  })
  expect(answer.status).toBe(200)
  return JSON.parse(answer.text) as Json
}

const tokenRequest = (change: Json = {}) => ({
  grant_type: 'client_credential',
  appid: APP_ID,
  secret: SECRET,
  ...change,
})
const stableToken = async (change: Json = {}) => call('POST', '/cgi-bin/stable_token', tokenRequest(change))
const createActivity = async (token: string) =>
  call('GET', `/cgi-bin/message/wxopen/activityid/create?access_token=${token}`)
const sendUpdate = async (token: string, body: unknown) =>
  call('POST', `/cgi-bin/message/wxopen/chattoolmsg/send?access_token=${token}`, body)

async function newToken(): Promise<string> {
  const { access_token: token } = await stableToken()
  return token as string
}

describe('POST /cgi-bin/stable_token', () => {
  test('hands every caller the same token while it has over 300 s to live, with what is left of it', async () => {
    const first = await stableToken()
    expect(first).toEqual({ access_token: expect.any(String), expires_in: 7200 })
    clock += 1000 * 1000
    expect(await stableToken()).toEqual({ access_token: first.access_token, expires_in: 6200 })
    expect(fake.issuedAccessTokens).toContain(first.access_token)
  })

  test('renews it with 300 s left; old and new both work until the old one expires', async () => {
    const old = await newToken()
    clock += 6900 * 1000
    const renewed = await newToken()
    expect(renewed).not.toBe(old)
    expect((await createActivity(old)).errcode).toBe(0)
    expect((await createActivity(renewed)).errcode).toBe(0)
    clock += 300 * 1000
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

  test('an activity keeps its state and the members marked done, for fake.activity() to read', async () => {
    const token = await newToken()
    const created = await createActivity(token)
    expect(created).toEqual({
      errcode: 0,
      errmsg: 'ok',
      activity_id: expect.any(String),
      expiration_time: Math.floor(clock / 1000) + 24 * 60 * 60,
    })
    const activityId = created.activity_id as string
    const update = { activity_id: activityId, target_state: 1, template_id: 'T', version_type: 1 }
    const member = (groupOpenid: string) => ({ group_openid: groupOpenid, state: 1 })
    expect(await sendUpdate(token, { ...update, participator_info_list: [member('g1'), member('g2')] })).toEqual({
      errcode: 0,
      errmsg: 'ok',
    })
    await sendUpdate(token, { ...update, participator_info_list: [member('g2'), member('g3')] })
    await sendUpdate(token, { ...update, target_state: 2 })
    expect(fake.activity(activityId)).toEqual({
      activityId,
      expirationTime: created.expiration_time,
      targetState: 2,
      templateId: 'T',
      versionType: 1,
      done: ['g1', 'g2', 'g3'],
    })
    expect(fake.activity('1_unknown')).toBeUndefined()
  })

  test.each([
    ['not JSON', 'activity_id=1'],
    ['no activity_id', { activity_id: undefined }],
    ['target_state 4', { target_state: 4 }],
    ['no template_id', { template_id: undefined }],
    ['no version_type', { version_type: undefined }],
    ['target_state 1 without participator_info_list', { target_state: 1 }],
    ['a member state of 0', { participator_info_list: [{ group_openid: 'g1', state: 0 }] }],
    ['a member without group_openid', { participator_info_list: [{ state: 1 }] }],
  ])('chattoolmsg/send with %s is 47001', async (_name, change) => {
    const token = await newToken()
    const activityId = (await createActivity(token)).activity_id
    const base = { activity_id: activityId, target_state: 2, template_id: 'T', version_type: 0 }
    const body = typeof change === 'string' ? change : { ...base, ...change }
    expect((await sendUpdate(token, body)).errcode).toBe(47001)
  })

  test('failNext(errcode, path) fails that API only, once per call', async () => {
    const token = await newToken()
    fake.failNext(-1, '/cgi-bin/message/wxopen/activityid/create')
    expect((await createActivity(token)).errcode).toBe(-1)
    expect((await createActivity(token)).errcode).toBe(0)
  })
})

test('the dev server serves the same APIs, so a cache pointed at it works', async () => {
  const dev = await startDevServer({ secret: 'dev-secret' })
  try {
    const tokens = createAccessTokenCache({ appId: dev.fake.appId, secret: 'dev-secret', endpoint: dev.url })
    const { activityId } = await createActivityId(tokens)
    expect(dev.fake.activity(activityId)?.targetState).toBe(1)
    expect(dev.fake.tokenIssuances).toBe(1)
  } finally {
    await dev.close()
  }
})
