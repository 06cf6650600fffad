import { CHAT_TOOL_TEMPLATE_IDS, createAccessTokenCache, createActivityId, setChatToolMsg } from '@opengid/server'
import { APP_ID, SECRET } from '../support/fixtures'
import { DAY_SECONDS, SEND, chatToolSuite, collecting } from '../support/chatTool'
import { errorText, expectNoSecrets, rejection, weChatFailure } from '../support/rejection'
import { serve } from '../support/serve'

const { wechat, fake, now, advance, setup } = chatToolSuite()

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
    advance(DAY_SECONDS * 1000)
    expect((await weChatFailure(setChatToolMsg(tokens, collecting(activityId, 'g-alice')))).errcode).toBe(40097)
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
