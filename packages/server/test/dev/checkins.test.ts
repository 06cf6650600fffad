import { startDevServer, type DevServer } from '@opengid/server/dev'
import { postJson, send } from '../support/http'

// The demo's check-ins, served by the dev server behind requireGroupTicket.

let dev: DevServer
beforeAll(async () => {
  dev = await startDevServer()
})
afterAll(() => dev.close())

describe('the check-in API behind requireGroupTicket', () => {
  /** A user's ticket for a group, the way the demo gets it: login, group info, /api/opengid. */
  const ticketOf = async (user: string, opengid: string) => {
    const { code } = (await postJson(`${dev.url}/__wechat/login`, { user })).json
    const data = (await postJson(`${dev.url}/__wechat/group-enter-info`, { user, opengid })).json
    return (await postJson(`${dev.url}/api/opengid`, { code, ...data })).json.ticket as string
  }
  const checkins = (opengid: string, method: string, ticket?: string) =>
    send(`${dev.url}/api/groups/${encodeURIComponent(opengid)}/checkins`, {
      method,
      contentType: null,
      headers: ticket === undefined ? {} : { authorization: `Bearer ${ticket}` },
    })

  test('two users of one group see each other’s check-ins, newest first', async () => {
    const alice = await ticketOf('alice', 'G-team')
    const bob = await ticketOf('bob', 'G-team')
    const posted = await checkins('G-team', 'POST', alice)
    expect(posted.status).toBe(201)
    expect(posted.json).toEqual({ checkin: { user: 'alice', at: expect.any(Number) } })
    expect((await checkins('G-team', 'POST', bob)).status).toBe(201)

    const seenByAlice = await checkins('G-team', 'GET', alice)
    expect(seenByAlice.status).toBe(200)
    expect(seenByAlice.json).toEqual({
      checkins: [
        { user: 'bob', at: expect.any(Number) },
        { user: 'alice', at: expect.any(Number) },
      ],
    })
    expect((await checkins('G-team', 'GET', bob)).json).toEqual(seenByAlice.json)
  })

  test('groups are kept apart: another group starts empty', async () => {
    const carol = await ticketOf('carol', 'G-other-team')
    expect((await checkins('G-other-team', 'GET', carol)).json).toEqual({ checkins: [] })
  })

  test('a request naming another group than the ticket’s is 403 GROUP_MISMATCH; nothing is written', async () => {
    const alice = await ticketOf('alice', 'G-team')
    const intruder = await ticketOf('mallory', 'G-mallory')
    for (const method of ['GET', 'POST']) {
      const answer = await checkins('G-team', method, intruder)
      expect(answer.status).toBe(403)
      expect(answer.json.error?.code).toBe('GROUP_MISMATCH')
    }
    const users = ((await checkins('G-team', 'GET', alice)).json as { checkins: { user: string }[] }).checkins
    expect(users.map(({ user }) => user)).not.toContain('mallory')
  })

  test('no ticket is 401 TICKET_MISSING, a bad one 401 TICKET_INVALID', async () => {
    expect((await checkins('G-team', 'GET')).json.error?.code).toBe('TICKET_MISSING')
    expect((await checkins('G-team', 'POST', 'forged.ticket.value')).json.error?.code).toBe('TICKET_INVALID')
  })

  test('other methods are 405', async () => {
    const answer = await checkins('G-team', 'DELETE', await ticketOf('alice', 'G-team'))
    expect(answer.status).toBe(405)
    expect(answer.headers.get('allow')).toBe('GET, POST')
  })
})
