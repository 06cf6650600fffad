import { chatToolSuite } from '../support/chatTool'
import { fakeApi } from '../support/fakeApi'

// The fake's chat tool message APIs (where WeChat documents no errcode, fakeActivities.ts says which one the fake assumes).

const { wechat, fake, now } = chatToolSuite()
const { createActivity, sendUpdate, newToken } = fakeApi(wechat)

describe('the APIs that take an access_token', () => {
  test('an activity keeps its state and the members marked done, for fake.activity() to read', async () => {
    const token = await newToken()
    const created = await createActivity(token)
    expect(created).toEqual({
      errcode: 0,
      errmsg: 'ok',
      activity_id: expect.any(String),
      expiration_time: Math.floor(now() / 1000) + 24 * 60 * 60,
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
