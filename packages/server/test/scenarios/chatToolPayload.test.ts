import { verifyGroupTicket } from '@opengid/server'
import { APP_ID, TICKET_SECRET, newUser, secretsOf, servedHandler } from '../support/fixtures'
import { postJson } from '../support/http'

// getChatToolInfo's data decrypts through the same endpoint as getGroupEnterInfo's: the
// chat's opengid, its chat_type and the user's group_openid, which the ticket carries.

const api = servedHandler()
const { fake } = api

const inChatTool = (user: string, opengid: string, chatType: 3 | 4 = 3) =>
  postJson(api.url, fake.clientRequest(user, { opengid, chatType, source: 'getChatToolInfo' }))

test("a chat tool payload resolves to the chat and the user's group_openid, and the ticket says both", async () => {
  const user = newUser()
  const answer = await inChatTool(user, 'G-room', 4)
  expect(answer.status).toBe(200)
  expect(answer.json).toMatchObject({ opengid: 'G-room', chatType: 4, groupOpenid: fake.groupOpenid(user, 'G-room') })
  const claims = await verifyGroupTicket(answer.json.ticket, { ticketSecret: TICKET_SECRET, appId: APP_ID })
  expect(claims).toMatchObject({ opengid: 'G-room', chatType: 4, groupOpenid: answer.json.groupOpenid })
  for (const secret of secretsOf(fake)) expect(answer.text).not.toContain(secret)
})

test('members of one chat have different group_openids; one member has another in another chat', async () => {
  const alice = newUser()
  const bob = newUser()
  // One after the other: a user's second login rotates the key the first request's data was sealed with.
  const aliceHere = await inChatTool(alice, 'G-shared')
  const bobHere = await inChatTool(bob, 'G-shared')
  const aliceElsewhere = await inChatTool(alice, 'G-other')
  const ids = [aliceHere, bobHere, aliceElsewhere].map((answer) => answer.json.groupOpenid)
  expect(new Set(ids).size).toBe(3)
  expect(aliceHere.json.opengid).toBe(bobHere.json.opengid)
})

test('the chat tool in a single chat names no group: DECRYPT, as for getGroupEnterInfo', async () => {
  const answer = await postJson(
    api.url,
    fake.clientRequest(newUser(), {
      opengid: '',
      openSingleRoomid: 'R-single',
      chatType: 1,
      source: 'getChatToolInfo',
    }),
  )
  expect(answer.status).toBe(400)
  expect(answer.json.error?.code).toBe('DECRYPT')
  expect(answer.text).not.toContain('R-single')
})

test('an unknown source is BAD_INPUT and names the three the handler takes', async () => {
  const body = { ...fake.clientRequest(newUser(), { opengid: 'G-x' }), source: 'getChatInfo' }
  const answer = await postJson(api.url, body)
  expect(answer.status).toBe(400)
  expect(answer.json.error).toMatchObject({ code: 'BAD_INPUT', message: expect.stringContaining("'getChatToolInfo'") })
})
