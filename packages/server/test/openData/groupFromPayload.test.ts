import { randomBytes } from 'node:crypto'
import { decryptGroupInfo, OpenDataError } from '@opengid/server'
import { encryptOpenData } from '@opengid/server/dev'
import { roomOf } from '../support/answers'

const sessionKey = randomBytes(16).toString('base64')
const groupOf = (payload: unknown) => decryptGroupInfo({ sessionKey, ...encryptOpenData(sessionKey, payload) })

describe('decryptGroupInfo', () => {
  test('reads a full getGroupEnterInfo payload: with an opengid it is a group room', () => {
    expect(
      groupOf({
        opengid: 'G1',
        open_single_roomid: 'room',
        group_openid: 'o-in-group',
        chat_type: 4,
        later_field: true,
      }),
    ).toEqual(roomOf({ opengid: 'G1', chatType: 4, groupOpenid: 'o-in-group' }))
  })

  test('empty strings mean absent', () => {
    expect(groupOf({ opengid: 'G1', open_single_roomid: '', group_openid: '', chat_type: 3 })).toEqual(
      roomOf({ opengid: 'G1', chatType: 3 }),
    )
  })

  test('reads the older documentation shape, opengid alone', () => {
    expect(groupOf({ opengid: 'G1' })).toEqual(roomOf({ opengid: 'G1' }))
  })

  test('reads a getShareInfo payload (openGId)', () => {
    expect(groupOf({ openGId: 'G2', watermark: { appid: 'wx', timestamp: 1 } })).toEqual(roomOf({ opengid: 'G2' }))
  })

  test.each([0, 5, '3', null])('drops a chat_type that is not 1-4 (%p)', (chatType) => {
    expect(groupOf({ opengid: 'G1', chat_type: chatType })).toEqual(roomOf({ opengid: 'G1' }))
  })

  test.each([
    ['no group id at all', { chat_type: 3 }],
    ['an empty opengid', { opengid: '', chat_type: 3 }],
    ['a non-string opengid', { opengid: 12345 }],
    ['an empty openGId', { openGId: '' }],
    ['a single chat (open_single_roomid only)', { opengid: '', open_single_roomid: 'room', chat_type: 1 }],
  ])('%s is NO_GROUP', (_name, payload) => {
    expect(() => groupOf(payload)).toThrow(expect.objectContaining({ code: 'NO_GROUP' }))
    expect(() => groupOf(payload)).toThrow(OpenDataError)
  })

  test.each([
    ['an opengid with a character WeChat never uses', { opengid: 'G 1' }],
    ['an openGId with markup', { openGId: '<b>G</b>' }],
    ['an opengid of 65 characters', { opengid: 'G'.repeat(65) }],
    ['a group_openid with a quote', { opengid: 'G1', group_openid: 'o"1' }],
    ['an open_single_roomid with a slash', { opengid: 'G1', open_single_roomid: 'r/1' }],
    ['an opengid with a character outside ASCII', { opengid: 'Gé' }],
  ])('%s is DECRYPT: such data was altered', (_name, payload) => {
    expect(() => groupOf(payload)).toThrow(expect.objectContaining({ code: 'DECRYPT' }))
  })

  test('ids of 1 and of 64 id characters pass', () => {
    expect(groupOf({ opengid: 'G' })).toEqual(roomOf({ opengid: 'G' }))
    const long = 'aZ09_-'.repeat(11).slice(0, 64)
    expect(groupOf({ opengid: long, group_openid: long })).toEqual(roomOf({ opengid: long, groupOpenid: long }))
  })

  test('passes the watermark policy through', () => {
    const data = encryptOpenData(sessionKey, { openGId: 'G', watermark: { appid: 'wxother', timestamp: 1 } })
    expect(() => decryptGroupInfo({ sessionKey, ...data, appId: 'wxmine' })).toThrow(
      expect.objectContaining({ code: 'APPID_MISMATCH' }),
    )
  })
})
