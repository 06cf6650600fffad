import { exportJWK, generateKeyPair, SignJWT, type JWK } from 'jose'
import { GroupTicketError, verifyGroupTicket, type GroupTicketErrorCode } from '@opengid/server'
import { createTicketIssuer } from '../../src/ticket/issueGroupTicket'
import { generateTicketKeyPair } from '../../src/ticket/ticketKeyPair'
import { APP_ID } from '../support/fixtures'
import { serve, type Served } from '../support/serve'
import { roomOf } from '../support/answers'

/**
 * Asymmetric tickets verified with `{ jwks }`: the key set itself or the resolver's
 * URL. Every forgery a verifier must refuse, with the error code a program branches on.
 */

const OPENID = 'o-jwks-user-0123456789abcdef'
const GROUP = roomOf({ opengid: 'G-jwks', chatType: 3 })
const NOW = Date.UTC(2030, 0, 1)

let current: Awaited<ReturnType<typeof generateTicketKeyPair>>
let other: Awaited<ReturnType<typeof generateTicketKeyPair>>
let jwks: { keys: JWK[] }
beforeAll(async () => {
  current = await generateTicketKeyPair()
  other = await generateTicketKeyPair()
  jwks = { keys: [current.publicJwk] }
})

const issued = (ticketKey: JWK | string, now = NOW) =>
  createTicketIssuer({ ticketKey, appId: APP_ID })(OPENID, GROUP, now).then(({ ticket }) => ticket)

async function refusal(ticket: string, keySet: unknown = jwks): Promise<GroupTicketErrorCode> {
  const error = await verifyGroupTicket(ticket, { jwks: keySet as never, appId: APP_ID, now: NOW }).then(
    () => undefined,
    (failure: unknown) => failure,
  )
  if (!(error instanceof GroupTicketError)) throw new Error(`expected a GroupTicketError, got ${String(error)}`)
  return error.code
}

const b64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url')
const part = (ticket: string, index: number) =>
  JSON.parse(Buffer.from(ticket.split('.')[index], 'base64url').toString())

describe('tickets signed with a private key', () => {
  test('EdDSA with kid; verified by the key set: the claims', async () => {
    const ticket = await issued(current.privateJwk)
    expect(part(ticket, 0)).toEqual({ alg: 'EdDSA', kid: current.publicJwk.kid, typ: 'JWT' })
    await expect(verifyGroupTicket(ticket, { jwks, appId: APP_ID, now: NOW })).resolves.toEqual({
      openid: OPENID,
      ...GROUP,
      issuedAt: NOW,
      expiresAt: NOW + 7200 * 1000,
    })
  })

  test('ES256 from a PEM verifies too', async () => {
    const { privateKey, publicKey } = await generateKeyPair('ES256', { extractable: true })
    const { exportPKCS8 } = await import('jose')
    const ticket = await issued(await exportPKCS8(privateKey))
    const keys = [{ ...(await exportJWK(publicKey)), kid: part(ticket, 0).kid }]
    await expect(verifyGroupTicket(ticket, { jwks: { keys }, appId: APP_ID, now: NOW })).resolves.toMatchObject(GROUP)
  })

  test('refused: expired, tampered, alg none, HS256 keyed with the public key, wrong key, unknown kid, other app', async () => {
    const ticket = await issued(current.privateJwk)
    expect(await refusal(await issued(current.privateJwk, NOW - 7201 * 1000))).toBe('EXPIRED')

    const [header, payload, signature] = ticket.split('.')
    const claims = part(ticket, 1)
    expect(await refusal(`${header}.${b64url({ ...claims, gid: 'G-other' })}.${signature}`)).toBe('BAD_SIGNATURE')
    expect(await refusal(`${b64url({ alg: 'none', kid: current.publicJwk.kid })}.${payload}.`)).toBe('BAD_SIGNATURE')

    // The classic confusion: the public key's bytes used as an HMAC secret.
    const publicBytes = new TextEncoder().encode(JSON.stringify(current.publicJwk))
    const confused = await new SignJWT(claims)
      .setProtectedHeader({ alg: 'HS256', kid: current.publicJwk.kid })
      .sign(publicBytes)
    expect(await refusal(confused)).toBe('BAD_SIGNATURE')

    // Signed by another key but claiming the current kid; and a kid nobody published.
    const wrongKey = (await issued(other.privateJwk)).split('.')
    const stolenKid = `${b64url({ alg: 'EdDSA', kid: current.publicJwk.kid, typ: 'JWT' })}.${wrongKey[1]}.${wrongKey[2]}`
    expect(await refusal(stolenKid)).toBe('BAD_SIGNATURE')
    expect(await refusal(await issued(other.privateJwk))).toBe('BAD_SIGNATURE')

    const otherApp = await createTicketIssuer({ ticketKey: current.privateJwk, appId: 'wx-another-app' })(
      OPENID,
      GROUP,
      NOW,
    )
    expect(await refusal(otherApp.ticket)).toBe('WRONG_APP')
  })

  test('an HS256 ticket is refused under jwks, and an EdDSA one under a secret', async () => {
    const hs = await createTicketIssuer({ ticketSecret: 'a-ticket-secret-0123456789abcdef-0123', appId: APP_ID })(
      OPENID,
      GROUP,
      NOW,
    )
    expect(await refusal(hs.ticket)).toBe('BAD_SIGNATURE')
    const error = await verifyGroupTicket(await issued(current.privateJwk), {
      ticketSecret: 'a-ticket-secret-0123456789abcdef-0123',
      appId: APP_ID,
      now: NOW,
    }).catch((failure: unknown) => failure)
    expect((error as GroupTicketError).code).toBe('BAD_SIGNATURE')
  })

  test('options: jwks and a secret together, or a jwks of no keys, are TypeErrors', async () => {
    await expect(
      verifyGroupTicket('x', { jwks, ticketSecret: 'a-ticket-secret-0123456789abcdef-0123', appId: APP_ID } as never),
    ).rejects.toThrow(TypeError)
    await expect(verifyGroupTicket('x', { jwks: {} as never, appId: APP_ID })).rejects.toThrow(TypeError)
  })
})

describe('a JWKS URL', () => {
  let served: Served
  let published: JWK[]
  let fetches = 0
  let failing = false
  beforeAll(async () => {
    published = [current.publicJwk]
    served = await serve((_req, res) => {
      fetches++
      if (failing) return void res.writeHead(500).end()
      res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify({ keys: published }))
    })
  })
  afterAll(() => served.close())
  afterEach(() => jest.restoreAllMocks())

  test('fetched once for many tickets; fetched again for a new kid (a rotation), not more than every 30 s', async () => {
    const url = new URL(`${served.url}/rotation.json`)
    const ticket = await issued(current.privateJwk)
    for (let i = 0; i < 3; i++) await verifyGroupTicket(ticket, { jwks: url, appId: APP_ID, now: NOW })
    expect(fetches).toBe(1)

    // The resolver now signs with `other` and lists both.
    published = [other.publicJwk, current.publicJwk]
    const rotated = await issued(other.privateJwk)
    // Within the cooldown an unknown kid is refused without a fetch: made-up kids cannot flood the resolver.
    expect(await refusal(rotated, url)).toBe('BAD_SIGNATURE')
    expect(fetches).toBe(1)
    const later = Date.now() + 31_000
    jest.spyOn(Date, 'now').mockReturnValue(later)
    await expect(verifyGroupTicket(rotated, { jwks: url, appId: APP_ID, now: NOW })).resolves.toMatchObject(GROUP)
    expect(fetches).toBe(2)
    // The old key's tickets still verify until they expire.
    await expect(verifyGroupTicket(ticket, { jwks: url, appId: APP_ID, now: NOW })).resolves.toMatchObject(GROUP)
  })

  test('a JWKS that cannot be fetched: KEYS_UNAVAILABLE, not a verdict on the ticket', async () => {
    failing = true
    try {
      expect(await refusal(await issued(current.privateJwk), new URL(`${served.url}/failing.json`))).toBe(
        'KEYS_UNAVAILABLE',
      )
    } finally {
      failing = false
    }
  })
})
