import { resolveCloudGroupInfo, verifyGroupTicket } from '@opengid/server'
import { decodeJwt } from 'jose'
import { sessionOf } from '../support/answers'
import { APP_ID, TICKET_SECRET, newUser, secretsOf, servedHandler } from '../support/fixtures'
import { postJson } from '../support/http'

// Issue 23: with allowSingleChat in the request, a single chat's data (open_single_roomid,
// chat_type 1 or 2) resolves to a single room and a ticket for it, from getGroupEnterInfo
// and from the chat tool. Without it, that data is unreadable data (see oneAnswer.test.ts).

const api = servedHandler()
const { fake } = api
const ROOM = 'S-pair'

const inSingleChat = (user: string, source: 'getGroupEnterInfo' | 'getChatToolInfo', extra: object = {}) =>
  postJson(api.url, {
    ...fake.clientRequest(user, { openSingleRoomid: ROOM, chatType: 1, source }),
    allowSingleChat: true,
    ...extra,
  })

// The app's own API takes single chats' tickets too (a verifier for groups refuses them).
const verify = (ticket: unknown) =>
  verifyGroupTicket(ticket, { ticketSecret: TICKET_SECRET, appId: APP_ID, allowSingleChat: true })

test('getGroupEnterInfo in a single chat: a single room, and a ticket with rid/rty and no gid', async () => {
  const answer = await inSingleChat(newUser(), 'getGroupEnterInfo')
  expect(answer.status).toBe(200)
  expect(answer.json).toMatchObject({ roomType: 'single', roomId: ROOM, openSingleRoomid: ROOM, chatType: 1 })
  expect(answer.json).not.toHaveProperty('opengid')
  const claims = decodeJwt(answer.json.ticket as string)
  expect(claims).toMatchObject({ rid: ROOM, rty: 'single', ctp: 1 })
  expect(claims).not.toHaveProperty('gid')
  const verified = await verify(answer.json.ticket)
  expect(verified).toMatchObject({ roomType: 'single', roomId: ROOM, openSingleRoomid: ROOM })
  expect(verified).not.toHaveProperty('opengid')
  for (const secret of secretsOf(fake)) expect(answer.text).not.toContain(secret)
})

test('both people of the chat get the same room; in the chat tool each has a group_openid of their own', async () => {
  const alice = newUser()
  const bob = newUser()
  const aliceHere = await inSingleChat(alice, 'getChatToolInfo')
  const bobHere = await inSingleChat(bob, 'getChatToolInfo')
  expect([aliceHere.status, bobHere.status]).toEqual([200, 200])
  expect(aliceHere.json.roomId).toBe(ROOM)
  expect(bobHere.json.roomId).toBe(ROOM)
  expect(aliceHere.json.groupOpenid).toBe(fake.groupOpenid(alice, ROOM))
  expect(bobHere.json.groupOpenid).toBe(fake.groupOpenid(bob, ROOM))
  expect(aliceHere.json.groupOpenid).not.toBe(bobHere.json.groupOpenid)
  expect(await verify(bobHere.json.ticket)).toMatchObject({ roomId: ROOM, groupOpenid: bobHere.json.groupOpenid })
})

test('the warm path resolves a single chat too', async () => {
  const user = newUser()
  const session = sessionOf(await inSingleChat(user, 'getGroupEnterInfo'))
  const warm = await postJson(api.url, {
    ...fake.sessionRequest(user, session, { openSingleRoomid: ROOM, chatType: 2 }),
    allowSingleChat: true,
  })
  expect(warm.json).toMatchObject({ roomType: 'single', roomId: ROOM, chatType: 2, session })
})

test('a group stays a group room when the request allows single chats', async () => {
  const body = { ...fake.clientRequest(newUser(), { opengid: 'G-both' }), allowSingleChat: true }
  const answer = await postJson(api.url, body)
  expect(answer.json).toMatchObject({ roomType: 'group', roomId: 'G-both', opengid: 'G-both' })
  expect(decodeJwt(answer.json.ticket as string)).toMatchObject({ rid: 'G-both', rty: 'group', gid: 'G-both' })
})

test('allowSingleChat that is not a boolean is BAD_INPUT, before any code is spent', async () => {
  const before = fake.exchanges
  const answer = await inSingleChat(newUser(), 'getGroupEnterInfo', { allowSingleChat: 'yes' })
  expect(answer.status).toBe(400)
  expect(answer.json.error?.code).toBe('BAD_INPUT')
  expect(fake.exchanges).toBe(before)
})

test('a single chat id of another shape than WeChat issues is DECRYPT even when allowed: altered data', async () => {
  const body = { ...fake.clientRequest(newUser(), { openSingleRoomid: 'S/1', chatType: 1 }), allowSingleChat: true }
  const answer = await postJson(api.url, body)
  expect(answer.status).toBe(400)
  expect(answer.json.error?.code).toBe('DECRYPT')
})

test('the cloud path: a single room with allowSingleChat, with the same ticket claims; NO_GROUP without', async () => {
  const data = fake.openData({ openSingleRoomid: ROOM, chatType: 1 })
  expect(() => resolveCloudGroupInfo(data)).toThrow(expect.objectContaining({ code: 'NO_GROUP' }))
  const options = { ticketSecret: TICKET_SECRET, appId: APP_ID, openid: 'o-cloud', allowSingleChat: true }
  const room = await resolveCloudGroupInfo(data, options)
  expect(room).toMatchObject({ roomType: 'single', roomId: ROOM, openSingleRoomid: ROOM })
  expect(await verify(room.ticket)).toMatchObject({ openid: 'o-cloud', roomType: 'single', roomId: ROOM })
})
