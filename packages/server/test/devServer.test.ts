import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { request } from 'node:http'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { verifyGroupTicket } from '@opengid/server'
import { DEV_APP_ID, startDevServer, type DevServer } from '@opengid/server/dev'
import { groupAnswer } from './support/answers'
import { postJson, send } from './support/http'

/** A GET with the path sent byte for byte, as fetch would normalise '..' away. */
function rawGet(
  url: string,
  rawPath: string,
  method = 'GET',
): Promise<{ status: number; type?: string; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(`${url}/`, { method, path: rawPath }, (res) => {
      let body = ''
      res.setEncoding('utf8')
      res.on('data', (chunk: string) => (body += chunk))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, type: res.headers['content-type'], body }))
    })
    req.on('error', reject)
    req.end()
  })
}

describe('startDevServer', () => {
  const root = mkdtempSync(path.join(tmpdir(), 'opengid-dev-'))
  const site = path.join(root, 'site')
  let dev: DevServer

  beforeAll(async () => {
    mkdirSync(path.join(site, 'js'), { recursive: true })
    writeFileSync(path.join(site, 'index.html'), '<!doctype html><title>demo</title>')
    writeFileSync(path.join(site, 'js', 'app.js'), 'console.log(1)')
    writeFileSync(path.join(site, 'style.css'), 'body{}')
    writeFileSync(path.join(root, 'outside.txt'), 'OUTSIDE-SECRET')
    mkdirSync(path.join(root, 'outside-dir'))
    writeFileSync(path.join(root, 'outside-dir', 'index.html'), 'OUTSIDE-SECRET')
    symlinkSync(path.join(root, 'outside.txt'), path.join(site, 'leak.txt'))
    symlinkSync(path.join(root, 'outside-dir'), path.join(site, 'leaky-dir'))
    symlinkSync(path.join(site, 'style.css'), path.join(site, 'alias.css'))
    dev = await startDevServer({ port: 0, staticDir: site })
  })
  afterAll(async () => {
    await dev.close()
    rmSync(root, { recursive: true, force: true })
  })

  test('listens on 127.0.0.1 on a free port', () => {
    expect(dev.port).toBeGreaterThan(0)
    expect(dev.url).toBe(`http://127.0.0.1:${dev.port}`)
  })

  describe('the simulated client flow', () => {
    test('login, then group-enter-info, then /api/opengid resolves the group via the fake over HTTP', async () => {
      const before = dev.fake.exchanges
      const { code } = (await postJson(`${dev.url}/__wechat/login`, { user: 'alice' })).json
      const data = (
        await postJson(`${dev.url}/__wechat/group-enter-info`, { user: 'alice', opengid: 'G-demo', chatType: 3 })
      ).json
      expect(data).toEqual({ encryptedData: expect.any(String), iv: expect.any(String) })

      const answer = await postJson(`${dev.url}/api/opengid`, { code, ...data, source: 'getGroupEnterInfo' })
      expect(answer.status).toBe(200)
      expect(answer.json).toEqual(groupAnswer({ opengid: 'G-demo', chatType: 3 }))
      expect(dev.fake.exchanges).toBe(before + 1)
    })

    test('getShareInfo payloads work too', async () => {
      const { code } = (await postJson(`${dev.url}/__wechat/login`, { user: 'bob' })).json
      const data = (
        await postJson(`${dev.url}/__wechat/group-enter-info`, {
          user: 'bob',
          opengid: 'G-share',
          source: 'getShareInfo',
        })
      ).json
      expect((await postJson(`${dev.url}/api/opengid`, { code, ...data })).json).toEqual(
        groupAnswer({ opengid: 'G-share' }),
      )
    })

    test('group info fetched before login shows the ordering bug as 400 DECRYPT', async () => {
      const data = (await postJson(`${dev.url}/__wechat/group-enter-info`, { user: 'carol', opengid: 'G' })).json
      const { code } = (await postJson(`${dev.url}/__wechat/login`, { user: 'carol' })).json
      const answer = await postJson(`${dev.url}/api/opengid`, { code, ...data })
      expect(answer.status).toBe(400)
      expect(answer.json.error?.code).toBe('DECRYPT')
    })

    test.each([
      ['/__wechat/login', {}],
      ['/__wechat/login', { user: 7 }],
      ['/__wechat/group-enter-info', { user: 'dave' }],
      ['/__wechat/group-enter-info', { user: 'dave', opengid: 'G', chatType: 9 }],
      ['/__wechat/group-enter-info', { user: 'dave', opengid: 'G', source: 'getGroupInfo' }],
      ['/__wechat/group-enter-info', { user: 'dave', opengid: 'G', watermark: 'yes' }],
      ['/__wechat/group-enter-info', { user: 'dave', opengid: 'G', groupOpenid: 1 }],
    ])('%s with %j is 400 BAD_INPUT', async (route, body) => {
      const answer = await postJson(`${dev.url}${route}`, body)
      expect(answer.status).toBe(400)
      expect(answer.json.error?.code).toBe('BAD_INPUT')
    })

    test('the simulator endpoints take POST only', async () => {
      expect((await send(`${dev.url}/__wechat/login`, { method: 'GET' })).status).toBe(405)
    })
  })

  describe('the new protocol: sessions, tickets, check-session', () => {
    const login = async (user: string) => (await postJson(`${dev.url}/__wechat/login`, { user })).json.code
    const groupInfo = async (user: string, opengid: string) =>
      (await postJson(`${dev.url}/__wechat/group-enter-info`, { user, opengid })).json

    test('POST /__wechat/check-session says whether the user has a key from a login', async () => {
      const checkSession = async (user: string) =>
        (await postJson(`${dev.url}/__wechat/check-session`, { user })).json as { valid?: boolean }
      expect(await checkSession('frank')).toEqual({ valid: false })
      await login('frank')
      expect(await checkSession('frank')).toEqual({ valid: true })
      expect((await postJson(`${dev.url}/__wechat/check-session`, {})).status).toBe(400)
    })

    test('a warm request with the session of an earlier answer resolves without code2Session; its ticket verifies', async () => {
      const code = await login('grace')
      const cold = await postJson(`${dev.url}/api/opengid`, { code, ...(await groupInfo('grace', 'G-warm-dev')) })
      const before = dev.fake.exchanges
      const warm = await postJson(`${dev.url}/api/opengid`, {
        session: cold.json.session,
        ...(await groupInfo('grace', 'G-warm-dev')),
      })
      expect(warm.json).toEqual(groupAnswer({ opengid: 'G-warm-dev', chatType: 3 }))
      expect(warm.json.session).toBe(cold.json.session)
      expect(dev.fake.exchanges).toBe(before)
      const claims = await verifyGroupTicket(warm.json.ticket, { ticketSecret: dev.ticketSecret, appId: DEV_APP_ID })
      expect(dev.fake.userOf(claims.openid)).toBe('grace')
    })
  })

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

  describe('static files', () => {
    test.each([
      ['/', 'text/html; charset=utf-8', '<!doctype html><title>demo</title>'],
      ['/index.html', 'text/html; charset=utf-8', '<!doctype html><title>demo</title>'],
      ['/js/app.js', 'text/javascript; charset=utf-8', 'console.log(1)'],
      ['/style.css?v=2', 'text/css; charset=utf-8', 'body{}'],
      ['/pages/index/index', 'text/html; charset=utf-8', '<!doctype html><title>demo</title>'],
    ])('GET %s', async (route, type, body) => {
      expect(await rawGet(dev.url, route)).toEqual({ status: 200, type, body })
    })

    test('HEAD answers headers only', async () => {
      expect(await rawGet(dev.url, '/js/app.js', 'HEAD')).toEqual({
        status: 200,
        type: 'text/javascript; charset=utf-8',
        body: '',
      })
    })

    test('a symlink that stays inside staticDir is served', async () => {
      expect(await rawGet(dev.url, '/alias.css')).toEqual({
        status: 200,
        type: 'text/css; charset=utf-8',
        body: 'body{}',
      })
    })

    test.each([
      ['/leak.txt', 404, undefined],
      ['/leaky-dir/index.html', 404, undefined],
      // A path without an extension falls back to the app's own index.html, as client-side routes do.
      ['/leaky-dir/', 200, '<!doctype html><title>demo</title>'],
    ])('a symlink inside staticDir that leads outside it is not followed: %s', async (rawPath, status, body) => {
      const answer = await rawGet(dev.url, rawPath)
      expect(answer.status).toBe(status)
      expect(answer.body).not.toContain('OUTSIDE-SECRET')
      if (body !== undefined) expect(answer.body).toBe(body)
    })

    test('a missing asset is 404, not index.html', async () => {
      expect((await rawGet(dev.url, '/js/missing.js')).status).toBe(404)
    })

    test.each([
      '/../outside.txt',
      '/%2e%2e/outside.txt',
      '/js/..%2f..%2foutside.txt',
      '/%2e%2e%5coutside.txt',
      '/%00',
      '/%E0%A4%A',
    ])('no path traversal: %s', async (rawPath) => {
      const answer = await rawGet(dev.url, rawPath)
      expect(answer.status).toBe(404)
      expect(answer.body).not.toContain('OUTSIDE-SECRET')
    })
  })

  test('latencyMs delays /api/opengid answers', async () => {
    const slow = await startDevServer({ latencyMs: 150 })
    try {
      const started = Date.now()
      expect((await postJson(`${slow.url}/api/opengid`, {})).status).toBe(400)
      expect(Date.now() - started).toBeGreaterThanOrEqual(140)
    } finally {
      await slow.close()
    }
  })

  test('without staticDir other paths are 404 JSON', async () => {
    const bare = await startDevServer()
    try {
      const answer = await send(`${bare.url}/`, { method: 'GET' })
      expect(answer.status).toBe(404)
      expect(answer.json.error?.code).toBe('NOT_FOUND')
    } finally {
      await bare.close()
    }
  })

  test('close() ends kept-alive connections and frees the port', async () => {
    const temporary = await startDevServer()
    await postJson(`${temporary.url}/__wechat/login`, { user: 'erin' })
    const started = Date.now()
    await temporary.close()
    expect(Date.now() - started).toBeLessThan(1000)
    await expect(fetch(`${temporary.url}/`)).rejects.toThrow()
  })
})
