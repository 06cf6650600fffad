import { startDevServer, type DevServer } from '@opengid/server/dev'
import { postJson, send } from '../support/http'

// The demo's chat tool to-do list, served by the dev server behind requireGroupTicket.

let dev: DevServer
beforeAll(async () => {
  dev = await startDevServer()
})
afterAll(() => dev.close())

describe('the chat tool to-do API: members known by their group_openid', () => {
  /** A member's ticket from inside the chat tool: login, getChatToolInfo's data, /api/opengid. */
  const memberTicket = async (user: string, opengid: string, source = 'getChatToolInfo') => {
    const { code } = (await postJson(`${dev.url}/__wechat/login`, { user })).json
    const data = (await postJson(`${dev.url}/__wechat/group-enter-info`, { user, opengid, source })).json
    return (await postJson(`${dev.url}/api/opengid`, { code, ...data, source })).json.ticket as string
  }
  const todos = (opengid: string, ticket: string, body?: unknown) =>
    send(`${dev.url}/api/groups/${encodeURIComponent(opengid)}/todos`, {
      method: body === undefined ? 'GET' : 'POST',
      body: body === undefined ? undefined : JSON.stringify(body),
      headers: { authorization: `Bearer ${ticket}` },
    })

  test("two members see one list; each item names its member's group_openid, never the openid", async () => {
    const alice = await memberTicket('todo-alice', 'G-todo')
    const bob = await memberTicket('todo-bob', 'G-todo')
    const added = await todos('G-todo', alice, { text: '  Book the room  ' })
    expect(added.status).toBe(200)
    const aliceId = dev.fake.groupOpenid('todo-alice', 'G-todo')
    expect(added.json).toEqual({
      todo: { id: expect.any(Number), text: 'Book the room', by: aliceId, at: expect.any(Number) },
    })
    expect((await todos('G-todo', bob, { text: 'Bring snacks' })).status).toBe(200)

    const seenByBob = await todos('G-todo', bob)
    const list = (seenByBob.json as unknown as { todos: { text: string; by: string }[] }).todos
    expect(list.map(({ text, by }) => [text, by])).toEqual([
      ['Book the room', aliceId],
      ['Bring snacks', dev.fake.groupOpenid('todo-bob', 'G-todo')],
    ])
    expect((await todos('G-todo', alice)).json).toEqual(seenByBob.json)
    expect(seenByBob.text).not.toContain('todo-alice')
  })

  test('bad text is 400 BAD_INPUT and adds nothing; another group’s ticket is 403', async () => {
    const carol = await memberTicket('todo-carol', 'G-todo-2')
    for (const body of [{}, { text: '   ' }, { text: 'x'.repeat(101) }, { text: 42 }]) {
      const answer = await todos('G-todo-2', carol, body)
      expect(answer.status).toBe(400)
      expect(answer.json.error?.code).toBe('BAD_INPUT')
    }
    expect((await todos('G-todo-2', carol)).json).toEqual({ todos: [] })
    expect((await todos('G-todo', carol, { text: 'sneak in' })).json.error?.code).toBe('GROUP_MISMATCH')
  })

  test('a ticket from outside the chat tool names no member: 400, nothing added', async () => {
    const dave = await memberTicket('todo-dave', 'G-todo-3', 'getGroupEnterInfo')
    const answer = await todos('G-todo-3', dave, { text: 'hello' })
    expect(answer.status).toBe(400)
    expect(answer.json.error?.message).toMatch(/chat tool/)
    expect((await todos('G-todo-3', dave)).json).toEqual({ todos: [] })
  })
})
