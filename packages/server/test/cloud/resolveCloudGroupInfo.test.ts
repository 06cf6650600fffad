import {
  CLOUD_ID_EXPIRED,
  OpenDataError,
  resolveCloudGroupInfo,
  verifyGroupTicket,
  type GroupWithTicket,
} from '@opengid/server'
import { roomOf } from '../support/answers'
import { APP_ID, TICKET_SECRET, makeFake } from '../support/fixtures'
import { openDataFailure } from '../support/outcome'

const fake = makeFake()

function failure(groupInfo: unknown, policy?: Parameters<typeof resolveCloudGroupInfo>[1]): OpenDataError {
  return openDataFailure(() => resolveCloudGroupInfo(groupInfo, policy))
}

describe('resolveCloudGroupInfo', () => {
  test('reads a getGroupEnterInfo cloudID result', () => {
    const groupInfo = fake.openData({ opengid: 'G-cloud', chatType: 4, groupOpenid: 'o', watermark: true })
    expect(resolveCloudGroupInfo(groupInfo)).toEqual(roomOf({ opengid: 'G-cloud', chatType: 4, groupOpenid: 'o' }))
  })

  test('reads a getShareInfo cloudID result', () => {
    expect(resolveCloudGroupInfo(fake.openData({ opengid: 'G-share', source: 'getShareInfo' }))).toEqual(
      roomOf({ opengid: 'G-share' }),
    )
  })

  test('an expired cloudID is EXPIRED and keeps errCode -601006', () => {
    const expired = fake.openData({ opengid: 'G' }, { expired: true })
    expect(expired).toEqual({ cloudID: expect.any(String), errCode: -601006, errMsg: 'cloudID expired.' })
    const error = failure(expired)
    expect(error.code).toBe('EXPIRED')
    expect(error.errCode).toBe(CLOUD_ID_EXPIRED)
  })

  test('another WeChat errCode is BAD_INPUT with the errCode kept', () => {
    const error = failure({ cloudID: 'x', errCode: -601000, errMsg: 'nope' })
    expect(error.code).toBe('BAD_INPUT')
    expect(error.errCode).toBe(-601000)
  })

  test.each([
    ['undefined (no groupInfo field)', undefined],
    ['the bare cloudID string (not wrapped in Taro.cloud.CloudID)', 'cloud-id-string'],
    ['an object without data', { cloudID: 'x' }],
    ['data that is not an object', { cloudID: 'x', data: 'G' }],
    ['an array', [{ cloudID: 'x' }]],
  ])('%s is BAD_INPUT', (_name, groupInfo) => {
    const error = failure(groupInfo)
    expect(error.code).toBe('BAD_INPUT')
    expect(error.errCode).toBeUndefined()
  })

  test('data without a group is NO_GROUP', () => {
    expect(failure(fake.openData({ opengid: '' })).code).toBe('NO_GROUP')
  })

  test('applies an optional watermark policy', () => {
    const old = fake.openData({ opengid: 'G', source: 'getShareInfo', timestamp: 1000 })
    expect(resolveCloudGroupInfo(old)).toEqual(roomOf({ opengid: 'G' }))
    expect(failure(old, { maxAgeSeconds: 300 }).code).toBe('EXPIRED')
    expect(failure(old, { appId: 'wxsomeoneelse' }).code).toBe('APPID_MISMATCH')
  })
})

describe('resolveCloudGroupInfo with { ticketSecret, appId, openid }', () => {
  const OPENID = 'o-cloud-caller'
  const options = { ticketSecret: TICKET_SECRET, appId: APP_ID, openid: OPENID }

  test('adds the same ticket the handlers give, for the caller’s openid', async () => {
    const group = await resolveCloudGroupInfo(fake.openData({ opengid: 'G-cloud', chatType: 3 }), options)
    expect(group).toEqual({
      ...roomOf({ opengid: 'G-cloud', chatType: 3 }),
      ticket: expect.any(String),
      ticketExpiresAt: expect.any(Number),
    })
    const claims = await verifyGroupTicket(group.ticket, { ticketSecret: TICKET_SECRET, appId: APP_ID })
    expect(claims).toMatchObject({ openid: OPENID, opengid: 'G-cloud', chatType: 3, expiresAt: group.ticketExpiresAt })
  })

  test('every failure is a rejection: expired cloudID, no group, bad configuration', async () => {
    await expect(resolveCloudGroupInfo(fake.openData({ opengid: 'G' }, { expired: true }), options)).rejects.toEqual(
      expect.objectContaining({ code: 'EXPIRED', errCode: CLOUD_ID_EXPIRED }),
    )
    await expect(resolveCloudGroupInfo(fake.openData({ opengid: '' }), options)).rejects.toBeInstanceOf(OpenDataError)
    const good = fake.openData({ opengid: 'G' })
    await expect(resolveCloudGroupInfo(good, { ...options, openid: '' })).rejects.toThrow(TypeError)
    await expect(resolveCloudGroupInfo(good, { ...options, ticketSecret: 'short' })).rejects.toThrow(TypeError)
  })

  test('the watermark appid is checked against appId', async () => {
    const foreign = fake.openData({ opengid: 'G', source: 'getShareInfo', appId: 'wxsomeoneelse' })
    await expect(resolveCloudGroupInfo(foreign, options)).rejects.toEqual(
      expect.objectContaining({ code: 'APPID_MISMATCH' }),
    )
  })

  test('a configuration imports its key once, though every call passes a new options object', async () => {
    const first = 'a-ticket-secret-of-this-test-alone-0123456789'
    const second = 'another-ticket-secret-of-this-test-0123456789'
    const importKey = jest.spyOn(crypto.subtle, 'importKey')
    const resolved: GroupWithTicket[] = []
    try {
      for (const openid of ['o-first', 'o-second', 'o-third']) {
        resolved.push(
          await resolveCloudGroupInfo(fake.openData({ opengid: 'G' }), { ticketSecret: first, appId: APP_ID, openid }),
        )
      }
      expect(importKey).toHaveBeenCalledTimes(1)
      const rotation = { ticketSecrets: [second, first], appId: APP_ID, openid: 'o-fourth' }
      resolved.push(await resolveCloudGroupInfo(fake.openData({ opengid: 'G' }), rotation))
      expect(importKey).toHaveBeenCalledTimes(2)
    } finally {
      importKey.mockRestore()
    }
    const openids = await Promise.all(
      resolved.map(async ({ ticket }, index) => {
        const ticketSecret = index < 3 ? first : second
        return (await verifyGroupTicket(ticket, { ticketSecret, appId: APP_ID })).openid
      }),
    )
    expect(openids).toEqual(['o-first', 'o-second', 'o-third', 'o-fourth'])
  })

  test('the one-argument form still answers at once, without a ticket', () => {
    expect(resolveCloudGroupInfo(fake.openData({ opengid: 'G' }))).toEqual(roomOf({ opengid: 'G', chatType: 3 }))
  })
})
