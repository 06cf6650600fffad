import { createActivityId } from '@opengid/server'
import { CREATE, DAY_SECONDS, STABLE_TOKEN, chatToolSuite } from '../support/chatTool'

const { fake, now, setup } = chatToolSuite()

describe('createActivityId', () => {
  test('GETs a new activity_id with the token; it expires in 24 hours', async () => {
    const { tokens, calls } = setup()
    const { activityId, expirationTime } = await createActivityId(tokens)
    expect(expirationTime).toBe(Math.floor(now() / 1000) + DAY_SECONDS)
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
