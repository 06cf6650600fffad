import { createActivityId, setChatToolMsg } from '@opengid/server'
import { SECRET } from '../../support/fixtures'
import { CREATE, SEND, STABLE_TOKEN, chatToolSuite, collecting } from '../../support/chatTool'
import { expectNoSecrets, weChatFailure } from '../../support/rejection'

// Through the two chat tool calls, the callers of withAccessToken.

const { fake, now, advance, setup } = chatToolSuite()

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
    const created = now()
    const { tokens, to } = setup({ now: () => created }) // this cache's clock stands still
    const expired = await tokens.get()
    advance(7200 * 1000)
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
