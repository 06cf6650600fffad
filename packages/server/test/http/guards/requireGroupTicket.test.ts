import type { IncomingMessage } from 'node:http'
import Router from '@koa/router'
import express, { type Request as ExpressRequest } from 'express'
import Koa from 'koa'
import {
  requireGroupTicket,
  withGroupTicket,
  type GroupTicketClaims,
  type GroupTicketOptions,
  type Room,
  type WithGroupTicket,
} from '@opengid/server'
import { createTicketIssuer } from '../../../src/ticket/issueGroupTicket'
import { generateTicketKeyPair } from '../../../src/ticket/ticketKeyPair'
import { roomOf } from '../../support/answers'
import { APP_ID, TICKET_SECRET } from '../../support/fixtures'
import { send, type Answer } from '../../support/http'
import { serve } from '../../support/serve'

const OTHER_SECRET = 'another-ticket-secret-of-enough-length-0123456789'
const OPENID = 'o-guarded-user'
const GROUP = 'G-guarded'
const BASE_OPTIONS = { ticketSecret: TICKET_SECRET, appId: APP_ID }

/** A guarded route, `GET /api/groups/:opengid/board`, answering the ticket's claims. */
interface Form {
  name: string
  start(options: GroupTicketOptions, seen: GroupTicketClaims<Room>[]): Promise<Started>
}
interface Started {
  get(path: string, headers?: Record<string, string>): Promise<Answer>
  close(): Promise<void>
}

const BOARD = /^\/api\/groups\/([^/]+)\/board$/

async function overHttp(listener: Parameters<typeof serve>[0]): Promise<Started> {
  const served = await serve(listener)
  return { get: (path, headers) => send(`${served.url}${path}`, { method: 'GET', headers }), close: served.close }
}

const forms: Form[] = [
  {
    name: 'node:http',
    start: (options, seen) => {
      type Routed = IncomingMessage & { opengid?: string }
      const guard = requireGroupTicket<Routed>({ ...options, group: (req) => req.opengid })
      return overHttp((req, res) => {
        const routed: Routed = Object.assign(req, { opengid: BOARD.exec(req.url ?? '')?.[1] })
        void guard(routed, res, () => {
          const { group } = routed as Routed & WithGroupTicket
          seen.push(group)
          res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(group))
        })
      })
    },
  },
  {
    name: 'Express',
    start: (options, seen) => {
      const app = express()
      app.get(
        '/api/groups/:opengid/board',
        requireGroupTicket<ExpressRequest>({ ...options, group: (req) => String(req.params.opengid) }),
        (req, res) => {
          const { group } = req as ExpressRequest & WithGroupTicket
          seen.push(group)
          res.json(group)
        },
      )
      return overHttp(app)
    },
  },
  {
    name: 'Koa',
    start: (options, seen) => {
      type Routed = IncomingMessage & { params: Record<string, string> }
      const guard = requireGroupTicket<Routed>({ ...options, group: (req) => req.params.opengid })
      const router = new Router()
      router.get(
        '/api/groups/:opengid/board',
        // The handler's adapter: the guard gets Koa's raw req and res, and Koa's next.
        (ctx, next) => guard(Object.assign(ctx.req, { params: ctx.params }), ctx.res, next),
        (ctx) => {
          const { group } = ctx.req as Routed & WithGroupTicket
          seen.push(group)
          ctx.body = group
        },
      )
      const app = new Koa()
      app.use(router.routes())
      return overHttp(app.callback())
    },
  },
  {
    name: 'fetch (withGroupTicket)',
    start: async (options, seen) => {
      const handle = withGroupTicket(
        { ...options, group: (request) => BOARD.exec(new URL(request.url).pathname)?.[1] },
        (_request, group) => {
          seen.push(group)
          return Response.json(group)
        },
      )
      return {
        async get(path, headers) {
          const response = await handle(new Request(`http://127.0.0.1${path}`, { headers }))
          const text = await response.text()
          return { status: response.status, headers: response.headers, text, json: JSON.parse(text) }
        },
        close: async () => undefined,
      }
    },
  },
]

const ticketFor = async (
  opengid: string,
  { secret = TICKET_SECRET, appId = APP_ID, now = Date.now() }: { secret?: string; appId?: string; now?: number } = {},
) => (await createTicketIssuer({ ticketSecret: secret, appId })(OPENID, roomOf({ opengid, chatType: 3 }), now)).ticket
const bearer = (ticket: string) => ({ authorization: `Bearer ${ticket}` })
const board = `/api/groups/${GROUP}/board`

describe.each(forms)('$name', (form) => {
  const seen: GroupTicketClaims<Room>[] = []
  let route: Started
  beforeAll(async () => {
    route = await form.start(BASE_OPTIONS, seen)
  })
  afterAll(() => route.close())
  beforeEach(() => {
    seen.length = 0
  })

  test('a valid ticket for the route’s group gets through, with its claims as req.group', async () => {
    const answer = await route.get(board, bearer(await ticketFor(GROUP)))
    expect(answer.status).toBe(200)
    expect(answer.json).toEqual({
      openid: OPENID,
      roomType: 'group',
      roomId: GROUP,
      opengid: GROUP,
      chatType: 3,
      issuedAt: expect.any(Number),
      expiresAt: expect.any(Number),
    })
    expect(seen).toHaveLength(1)
  })

  test.each([
    ['no Authorization header', () => Promise.resolve({}), 'TICKET_MISSING', 'Bearer realm="opengid"'],
    [
      'another scheme',
      () => Promise.resolve({ authorization: 'Basic dXNlcjpwdw==' }),
      'TICKET_MISSING',
      'Bearer realm="opengid"',
    ],
    ['a malformed ticket', () => Promise.resolve(bearer('not.a.ticket')), 'TICKET_INVALID', 'error="invalid_token"'],
    [
      'a ticket signed with another secret',
      async () => bearer(await ticketFor(GROUP, { secret: OTHER_SECRET })),
      'TICKET_INVALID',
      'error="invalid_token"',
    ],
    [
      'a ticket of another app',
      async () => bearer(await ticketFor(GROUP, { appId: 'wxanotherapp00000' })),
      'TICKET_INVALID',
      'error="invalid_token"',
    ],
    [
      'a ticket whose payload names another group',
      async () => {
        const [header, , signature] = (await ticketFor(GROUP)).split('.')
        const payload = Buffer.from(JSON.stringify({ gid: GROUP })).toString('base64url')
        return bearer(`${header}.${payload}.${signature}`)
      },
      'TICKET_INVALID',
      'error="invalid_token"',
    ],
    [
      'an expired ticket',
      async () => bearer(await ticketFor(GROUP, { now: Date.now() - 7201_000 })),
      'TICKET_EXPIRED',
      'error="invalid_token"',
    ],
  ])('%s: 401, and the route never runs', async (_name, headers, code, challenge) => {
    const answer = await route.get(board, await headers())
    expect(answer.status).toBe(401)
    expect(answer.json).toEqual({ error: { code, message: expect.any(String) } })
    expect(answer.headers.get('www-authenticate')).toContain(challenge)
    expect(answer.text).not.toContain(TICKET_SECRET)
    expect(seen).toEqual([])
  })

  test('a ticket for another group than the route names: 403 GROUP_MISMATCH', async () => {
    const answer = await route.get('/api/groups/G-not-mine/board', bearer(await ticketFor(GROUP)))
    expect(answer.status).toBe(403)
    expect(answer.json).toEqual({ error: { code: 'GROUP_MISMATCH', message: expect.any(String) } })
    expect(seen).toEqual([])
  })

  const single = { roomType: 'single', roomId: 'S-pair', openSingleRoomid: 'S-pair', chatType: 1 } as const
  const singleTicket = async () => (await createTicketIssuer(BASE_OPTIONS)(OPENID, single)).ticket

  test('a single chat’s ticket at a guard for groups: 401 TICKET_INVALID, even for its own room, as before rooms', async () => {
    // Code behind it reads req.group.opengid, which a single chat's claims do not have.
    const answer = await route.get('/api/groups/S-pair/board', bearer(await singleTicket()))
    expect(answer.status).toBe(401)
    expect(answer.json).toEqual({ error: { code: 'TICKET_INVALID', message: expect.stringContaining('single chat') } })
    expect(seen).toEqual([])
  })

  test('with allowSingleChat a single chat’s ticket guards its room by roomId: through for it, 403 for any other', async () => {
    const rooms = await form.start({ ...BASE_OPTIONS, allowSingleChat: true }, seen)
    try {
      const own = await rooms.get('/api/groups/S-pair/board', bearer(await singleTicket()))
      expect(own.status).toBe(200)
      expect(own.json).toEqual({
        ...single,
        openid: OPENID,
        issuedAt: expect.any(Number),
        expiresAt: expect.any(Number),
      })
      expect((await rooms.get(board, bearer(await singleTicket()))).json.error?.code).toBe('GROUP_MISMATCH')
      // Groups' tickets pass as they always did.
      expect((await rooms.get(board, bearer(await ticketFor(GROUP)))).status).toBe(200)
    } finally {
      await rooms.close()
    }
  })
})

describe.each(forms)('$name with rotated ticket secrets', (form) => {
  test('ticketSecrets: tickets of the old secret and of the new one both get through', async () => {
    const seen: GroupTicketClaims<Room>[] = []
    const route = await form.start({ ticketSecrets: [OTHER_SECRET, TICKET_SECRET], appId: APP_ID }, seen)
    try {
      expect((await route.get(board, bearer(await ticketFor(GROUP)))).status).toBe(200)
      expect((await route.get(board, bearer(await ticketFor(GROUP, { secret: OTHER_SECRET })))).status).toBe(200)
    } finally {
      await route.close()
    }
  })
})

/** One request through a guard whose `group` function throws: its status, and whether the route ran. */
const throwingGroup: [string, (group: () => string, headers: Record<string, string>) => Promise<[number, boolean]>][] =
  [
    [
      'requireGroupTicket',
      async (group, headers) => {
        let ran = false
        const guard = requireGroupTicket({ ...BASE_OPTIONS, group })
        const route = await overHttp((req, res) => void guard(req, res, () => void (ran = true)))
        try {
          return [(await route.get('/', headers)).status, ran]
        } finally {
          await route.close()
        }
      },
    ],
    [
      'withGroupTicket',
      async (group, headers) => {
        let ran = false
        const guarded = withGroupTicket({ ...BASE_OPTIONS, group }, () => {
          ran = true
          return Response.json({})
        })
        return [(await guarded(new Request('http://127.0.0.1/', { headers }))).status, ran]
      },
    ],
  ]

test.each(throwingGroup)(
  '%s: a group function that throws is 500 INTERNAL, goes to console.error, and the route never runs',
  async (_name, run) => {
    const bug = new Error('params is undefined')
    const consoleError = jest.spyOn(console, 'error').mockImplementation(() => undefined)
    try {
      const outcome = await run(
        () => {
          throw bug
        },
        bearer(await ticketFor(GROUP)),
      )
      expect(outcome).toEqual([500, false])
      expect(consoleError).toHaveBeenCalledWith(expect.any(String), bug)
    } finally {
      consoleError.mockRestore()
    }
  },
)

test('options are checked at creation: no secret, a short one, no appId', () => {
  expect(() => requireGroupTicket({ appId: APP_ID } as never)).toThrow(TypeError)
  expect(() => requireGroupTicket({ appId: APP_ID, ticketSecret: 'short' })).toThrow(TypeError)
  expect(() => withGroupTicket({ ticketSecret: TICKET_SECRET, appId: '' }, () => new Response())).toThrow(TypeError)
})

const OPENID_OF_JWKS = 'o-jwks-guard-user'

describe('the guards with { jwks }: tickets of a resolver that signs with a private key', () => {
  const call = (guarded: (request: Request) => Promise<Response>, ticket: string) =>
    guarded(new Request('http://api.test/g', { headers: { Authorization: `Bearer ${ticket}` } }))

  test('a ticket its key set vouches for passes; a JWKS that cannot be fetched is 503, reported', async () => {
    const { privateJwk, publicJwk } = await generateTicketKeyPair()
    const { ticket } = await createTicketIssuer({ ticketKey: privateJwk, appId: APP_ID })(
      OPENID_OF_JWKS,
      roomOf({ opengid: 'G-jwks' }),
    )
    const ok = withGroupTicket({ jwks: { keys: [publicJwk] }, appId: APP_ID }, async (_request, group) =>
      Response.json({ gid: group.opengid }),
    )
    expect(await (await call(ok, ticket)).json()).toEqual({ gid: 'G-jwks' })

    const reported: unknown[] = []
    const unreachable = withGroupTicket(
      // Port 9 (discard) on loopback: nothing answers, the fetch fails at once.
      {
        jwks: new URL('http://127.0.0.1:9/jwks.json'),
        appId: APP_ID,
        onInternalError: (error) => reported.push(error),
      },
      async () => new Response('never'),
    )
    const refused = await call(unreachable, ticket)
    expect(refused.status).toBe(503)
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('TICKET_KEYS_UNAVAILABLE')
    expect(reported).toHaveLength(1)
  })
})
