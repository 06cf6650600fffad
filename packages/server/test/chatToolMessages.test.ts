import {
  CHAT_TOOL_TEMPLATE_IDS,
  createAccessTokenCache,
  createActivityId,
  setChatToolMsg,
  type AccessTokenCacheOptions,
  type ChatToolMessageUpdate,
} from '@opengid/server'
import { createFakeWeChat } from '@opengid/server/dev'
import { APP_ID, SECRET, servedFake } from './support/fixtures'
import { recordingFetch } from './support/recordingFetch'
import { errorText, expectNoSecrets, rejection, weChatFailure } from './support/rejection'
import { serve } from './support/serve'

const CREATE = '/cgi-bin/message/wxopen/activityid/create'
const SEND = '/cgi-bin/message/wxopen/chattoolmsg/send'
const STABLE_TOKEN = '/cgi-bin/stable_token'
const DAY_SECONDS = 24 * 60 * 60

let clock = Date.UTC(2030, 0, 1)
const now = () => clock
const wechat = servedFake(createFakeWeChat({ appId: APP_ID, secret: SECRET, now }))
const { fake } = wechat

beforeEach(() => {
  clock += DAY_SECONDS * 1000 // the fake's last token has expired: each test starts afresh
})

/** A cache over the fake, and every request it makes. */
function setup(options: Partial<AccessTokenCacheOptions> = {}) {
  const recorder = recordingFetch()
  const tokens = createAccessTokenCache({
    appId: APP_ID,
    secret: SECRET,
    endpoint: wechat.url,
    now,
    fetch: recorder.fetch,
    ...options,
  })
  return { tokens, ...recorder }
}

const collecting = (activityId: string, ...members: string[]): ChatToolMessageUpdate => ({
  activityId,
  targetState: 1,
  templateId: CHAT_TOOL_TEMPLATE_IDS.completed,
  participators: members.map((groupOpenid) => ({ groupOpenid })),
})

describe('createActivityId', () => {
  test('GETs a new activity_id with the token; it expires in 24 hours', async () => {
    const { tokens, calls } = setup()
    const { activityId, expirationTime } = await createActivityId(tokens)
    expect(expirationTime).toBe(Math.floor(clock / 1000) + DAY_SECONDS)
    expect(fake.activity(activityId)).toEqual({ activityId, expirationTime, targetState: 1, done: [] })
    const token = await tokens.get()
    expect(calls.map(({ method, path, query }) => ({ method, path, query }))).toEqual([
      { method: 'POST', path: STABLE_TOKEN, query: {} },
      { method: 'GET', path: CREATE, query: { access_token: token } },
    ])
  })

  test('a private message names its sharer by openid or unionid, in the query', async () => {
    const { tokens, to } = setup()
    const { activityId } = await createActivityId(tokens, { openid: 'o-sharer', unionid: 'u-sharer' })
    expect(fake.activity(activityId)).toMatchObject({ openid: 'o-sharer', unionid: 'u-sharer' })
    expect(to(CREATE)[0].query).toMatchObject({ openid: 'o-sharer', unionid: 'u-sharer' })
  })

  test.each([
    ['options that are no object', null, /options must be an object/],
    ['an openid that is not a string', { openid: 5 }, /openid must be a non-empty string/],
    ['an empty unionid', { unionid: '' }, /unionid must be a non-empty string/],
  ])('%s is a TypeError, before any request', async (_name, options, message) => {
    const { tokens, calls } = setup()
    await expect(createActivityId(tokens, options as never)).rejects.toThrow(message)
    await expect(createActivityId(tokens, options as never)).rejects.toBeInstanceOf(TypeError)
    expect(calls).toEqual([])
  })

  test('tokens that are no access token cache are a TypeError', async () => {
    await expect(createActivityId({} as never)).rejects.toThrow(
      new TypeError('tokens must be an access token cache (createAccessTokenCache)'),
    )
  })
})

describe('setChatToolMsg', () => {
  test('POSTs the documented body: members marked done, then the card ended', async () => {
    const { tokens, to } = setup()
    const { activityId } = await createActivityId(tokens)
    await setChatToolMsg(tokens, collecting(activityId, 'g-alice', 'g-bob'))
    expect(fake.activity(activityId)).toMatchObject({ targetState: 1, done: ['g-alice', 'g-bob'], versionType: 0 })
    await setChatToolMsg(tokens, {
      activityId,
      targetState: 3,
      templateId: CHAT_TOOL_TEMPLATE_IDS.completed,
      versionType: 2,
    })
    expect(fake.activity(activityId)).toMatchObject({ targetState: 3, done: ['g-alice', 'g-bob'], versionType: 2 })
    const token = await tokens.get()
    expect(to(SEND).map(({ method, query, body }) => ({ method, query, body }))).toEqual([
      {
        method: 'POST',
        query: { access_token: token },
        body: {
          activity_id: activityId,
          target_state: 1,
          template_id: CHAT_TOOL_TEMPLATE_IDS.completed,
          participator_info_list: [
            { group_openid: 'g-alice', state: 1 },
            { group_openid: 'g-bob', state: 1 },
          ],
          version_type: 0,
        },
      },
      {
        method: 'POST',
        query: { access_token: token },
        body: {
          activity_id: activityId,
          target_state: 3,
          template_id: CHAT_TOOL_TEMPLATE_IDS.completed,
          version_type: 2,
        },
      },
    ])
  })

  test.each([
    ['an update that is no object', null, /update must be an object/],
    ['no activityId', { activityId: '' }, /activityId must be a non-empty string/],
    ['targetState 0', { targetState: 0 }, /targetState must be 1, 2 or 3/],
    ['no templateId', { templateId: undefined }, /templateId must be a non-empty string/],
    ['versionType 3', { versionType: 3 }, /versionType must be 0/],
    ['targetState 1 without participators', { participators: [] }, /targetState 1 needs participators/],
    ['participators that are no array', { participators: 'g-alice' }, /participators must be an array/],
    ['a groupOpenid of another shape', { participators: [{ groupOpenid: 'g alice' }] }, /participators\[0\]/],
    ['a participator without groupOpenid', { participators: [{ openid: 'o' }] }, /participators\[0\]/],
  ])('%s is a TypeError, before any request', async (_name, change, message) => {
    const { tokens, calls } = setup()
    const update = change === null ? null : { ...collecting('1_activity', 'g-alice'), ...change }
    const error = await rejection(setChatToolMsg(tokens, update as never))
    expect(error).toBeInstanceOf(TypeError)
    expect(error.message).toMatch(message)
    expect(calls).toEqual([])
  })

  test("WeChat's own refusals are WeChatApiError, not retried: an activity_id it never made", async () => {
    const { tokens, to } = setup()
    const error = await weChatFailure(setChatToolMsg(tokens, collecting('1_never-made', 'g-alice')))
    expect(error.errcode).toBe(40097)
    expect(to(SEND)).toHaveLength(1)
  })

  test('an activity_id past its expiration_time is refused', async () => {
    const { tokens } = setup()
    const { activityId } = await createActivityId(tokens)
    clock += DAY_SECONDS * 1000
    expect((await weChatFailure(setChatToolMsg(tokens, collecting(activityId, 'g-alice')))).errcode).toBe(40097)
  })
})

describe('a token WeChat refuses is replaced, and the call made once more', () => {
  test('40001 (revoked): invalidate, a fresh token, one retry', async () => {
    const { tokens, to } = setup()
    const { activityId } = await createActivityId(tokens)
    const revoked = await tokens.get()
    fake.revokeAccessToken(revoked)
    await setChatToolMsg(tokens, collecting(activityId, 'g-carol'))
    expect(fake.activity(activityId)?.done).toEqual(['g-carol'])
    const fresh = await tokens.get()
    expect(fresh).not.toBe(revoked)
    expect(to(SEND).map((call) => call.query.access_token)).toEqual([revoked, fresh])
    expect(to(STABLE_TOKEN).map((call) => (call.body as { force_refresh: boolean }).force_refresh)).toEqual([
      false,
      false,
    ])
  })

  test('42001 (expired at WeChat before the cache expected): the same', async () => {
    const created = clock
    const { tokens, to } = setup({ now: () => created }) // this cache's clock stands still
    const expired = await tokens.get()
    clock += 7200 * 1000
    const { activityId } = await createActivityId(tokens)
    expect(fake.activity(activityId)).toBeDefined()
    expect(to(CREATE).map((call) => call.query.access_token)).toEqual([expired, await tokens.get()])
    expect(to(STABLE_TOKEN)).toHaveLength(2)
  })

  test('only once: a second refusal is thrown, and that token is dropped too', async () => {
    const { tokens, to } = setup()
    const { activityId } = await createActivityId(tokens)
    fake.failNext(40001, SEND)
    fake.failNext(40001, SEND)
    const error = await weChatFailure(setChatToolMsg(tokens, collecting(activityId, 'g-dave')))
    expect(error.errcode).toBe(40001)
    expect(to(SEND)).toHaveLength(2)
    expect(to(STABLE_TOKEN)).toHaveLength(2) // the first token, then one refresh for the retry
    await setChatToolMsg(tokens, collecting(activityId, 'g-dave'))
    expect(to(STABLE_TOKEN)).toHaveLength(3) // the token refused twice was dropped
    expectNoSecrets(error, fake, SECRET)
  })
})

test('no error quotes a token or the secret, even when WeChat’s errmsg does', async () => {
  const tokens = createAccessTokenCache({ appId: APP_ID, secret: SECRET, endpoint: wechat.url, now })
  const token = await tokens.get()
  // A stand-in WeChat that echoes the request, token and all, in its errmsg.
  const echo = await serve((req, res) => res.end(JSON.stringify({ errcode: 40097, errmsg: `bad request ${req.url}` })))
  try {
    const echoing = { ...tokens, transport: { ...tokens.transport, endpoint: echo.url } }
    const errors = [
      await weChatFailure(createActivityId(echoing)),
      await weChatFailure(setChatToolMsg(echoing, collecting('1_activity', 'g-alice'))),
    ]
    for (const error of errors) {
      expect(error.errmsg).toContain('access_token=[redacted]')
      expect(errorText(error)).not.toContain(token)
      expectNoSecrets(error, fake, SECRET)
    }
  } finally {
    await echo.close()
  }
})
