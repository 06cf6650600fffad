import { createHmac } from 'node:crypto'
import { exportJWK, generateKeyPair, SignJWT, UnsecuredJWT, type CryptoKey } from 'jose'
import { GroupTicketError, verifyGroupTicket, type GroupTicketErrorCode } from '@opengid/server'
import { createTicketIssuer } from '../../src/ticket/issueGroupTicket'
import { roomOf } from '../support/answers'
import { APP_ID, TICKET_SECRET } from '../support/fixtures'

const OTHER_SECRET = 'another-ticket-secret-of-enough-length-0123456789'
const OPENID = 'o-ticket-user-0123456789abcdef'
const GROUP = roomOf({ opengid: 'G-ticket', chatType: 3, groupOpenid: 'o-in-group' })
const NOW = Date.UTC(2030, 0, 1)
const issue = createTicketIssuer({ ticketSecret: TICKET_SECRET, appId: APP_ID })
const key = (secret: string) => new TextEncoder().encode(secret)
const verify = (ticket: unknown, options: Partial<Parameters<typeof verifyGroupTicket>[1]> = {}) =>
  verifyGroupTicket(ticket, { ticketSecret: TICKET_SECRET, appId: APP_ID, now: NOW, ...options } as Parameters<
    typeof verifyGroupTicket
  >[1])

async function refusal(ticket: unknown, options?: Parameters<typeof verify>[1]): Promise<GroupTicketErrorCode> {
  const error = await verify(ticket, options).then(
    () => undefined,
    (failure: unknown) => failure,
  )
  if (!(error instanceof GroupTicketError)) throw new Error(`expected a GroupTicketError, got ${String(error)}`)
  return error.code
}

/** A JWT with the registered claims this package sets, for tickets made with other headers, keys or claims. */
const claims = (payload: Record<string, unknown> = { gid: GROUP.opengid }) =>
  new SignJWT(payload)
    .setIssuer('opengid')
    .setAudience(APP_ID)
    .setSubject(OPENID)
    .setIssuedAt(NOW / 1000)
    .setExpirationTime(NOW / 1000 + 600)

const signedHS256 = (jwt: SignJWT) => jwt.setProtectedHeader({ alg: 'HS256' }).sign(key(TICKET_SECRET))

const b64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url')

describe('verifyGroupTicket', () => {
  test('a ticket the resolver signed: its claims, times in ms', async () => {
    const { ticket, ticketExpiresAt } = await issue(OPENID, GROUP, NOW)
    expect(ticketExpiresAt).toBe(NOW + 7200 * 1000)
    await expect(verify(ticket)).resolves.toEqual({
      openid: OPENID,
      ...GROUP,
      issuedAt: NOW,
      expiresAt: NOW + 7200 * 1000,
    })
  })

  test('the claims are the ones DESIGN names: iss, aud, sub, rid, rty, gid, ctp, gop, iat, exp', async () => {
    const { ticket } = await issue(OPENID, GROUP, NOW)
    const [header, payload] = ticket
      .split('.')
      .slice(0, 2)
      .map((part) => JSON.parse(Buffer.from(part, 'base64url').toString()))
    expect(header).toEqual({ alg: 'HS256', typ: 'JWT' })
    expect(payload).toEqual({
      iss: 'opengid',
      aud: APP_ID,
      sub: OPENID,
      rid: GROUP.opengid,
      rty: 'group',
      gid: GROUP.opengid,
      ctp: 3,
      gop: GROUP.groupOpenid,
      iat: NOW / 1000,
      exp: NOW / 1000 + 7200,
    })
  })

  test('ticketTtlSeconds sets exp; the ticket is EXPIRED from then on', async () => {
    const short = createTicketIssuer({ ticketSecret: TICKET_SECRET, appId: APP_ID, ticketTtlSeconds: 60 })
    const { ticket, ticketExpiresAt } = await short(OPENID, roomOf({ opengid: 'G' }), NOW)
    expect(ticketExpiresAt).toBe(NOW + 60_000)
    await expect(verify(ticket, { now: NOW + 59_000 })).resolves.toMatchObject({ opengid: 'G' })
    expect(await refusal(ticket, { now: NOW + 60_000 })).toBe('EXPIRED')
  })

  test('no ticket is MISSING', async () => {
    for (const ticket of [undefined, null, '']) expect(await refusal(ticket)).toBe('MISSING')
  })

  test.each([
    ['not a JWT', 'not-a-jwt'],
    ['two parts', 'a.b'],
    ['a number', 42],
    ['garbage parts', 'eyJ.eyJ.sig'],
    ['a payload that is not JSON', `${b64url({ alg: 'HS256' })}.${Buffer.from('{').toString('base64url')}.x`],
    ['an oversized ticket', `${'a'.repeat(5000)}.b.c`],
  ])('%s is MALFORMED', async (_name, ticket) => {
    expect(await refusal(ticket)).toBe('MALFORMED')
  })

  test('a ticket signed with another secret is BAD_SIGNATURE', async () => {
    const other = createTicketIssuer({ ticketSecret: OTHER_SECRET, appId: APP_ID })
    expect(await refusal((await other(OPENID, GROUP, NOW)).ticket)).toBe('BAD_SIGNATURE')
  })

  test('a tampered payload (another group, same signature) is BAD_SIGNATURE', async () => {
    const [header, payload, signature] = (await issue(OPENID, GROUP, NOW)).ticket.split('.')
    const forged = { ...JSON.parse(Buffer.from(payload, 'base64url').toString()), gid: 'G-someone-elses' }
    expect(await refusal(`${header}.${b64url(forged)}.${signature}`)).toBe('BAD_SIGNATURE')
  })

  test('alg none is refused', async () => {
    const unsigned = new UnsecuredJWT({ gid: GROUP.opengid })
      .setIssuer('opengid')
      .setAudience(APP_ID)
      .setSubject(OPENID)
      .setIssuedAt(NOW / 1000)
      .setExpirationTime(NOW / 1000 + 600)
      .encode()
    expect(await refusal(unsigned)).toBe('BAD_SIGNATURE')
    // The same with the trailing dot stripped or a junk signature added.
    expect(await refusal(unsigned.replace(/\.$/, ''))).toBe('MALFORMED')
    expect(await refusal(`${unsigned}c2ln`)).toBe('BAD_SIGNATURE')
  })

  test('HS512 with the right secret is refused: HS256 only', async () => {
    const ticket = await claims().setProtectedHeader({ alg: 'HS512' }).sign(key(TICKET_SECRET))
    expect(await refusal(ticket)).toBe('BAD_SIGNATURE')
  })

  test('RS256 is refused, whether signed with an RSA key or with the secret as an HMAC key (alg confusion)', async () => {
    const { privateKey } = await generateKeyPair('RS256')
    expect(await refusal(await claims().setProtectedHeader({ alg: 'RS256' }).sign(privateKey))).toBe('BAD_SIGNATURE')
    const [, payload] = (await signedHS256(claims())).split('.')
    const header = b64url({ alg: 'RS256', typ: 'JWT' })
    const hmac = createHmac('sha256', TICKET_SECRET).update(`${header}.${payload}`).digest('base64url')
    expect(await refusal(`${header}.${payload}.${hmac}`)).toBe('BAD_SIGNATURE')
  })

  test('a ticket for another appId is WRONG_APP', async () => {
    const other = createTicketIssuer({ ticketSecret: TICKET_SECRET, appId: 'wxanotherapp00000' })
    expect(await refusal((await other(OPENID, GROUP, NOW)).ticket)).toBe('WRONG_APP')
  })

  test.each([
    ['another issuer', () => claims().setIssuer('someone-else')],
    ['an empty sub', () => claims().setSubject('')],
    ['no gid', () => claims({})],
    ['a gid of another shape than an opengid', () => claims({ gid: 'G <script>' })],
    ['a ctp that is no chat type', () => claims({ gid: 'G', ctp: 9 })],
    ['a gop of another shape than an id', () => claims({ gid: 'G', gop: 'o/../x' })],
    ['an rty that is no room type', () => claims({ rid: 'G', rty: 'channel', gid: 'G' })],
    ['a group rid that is not its gid', () => claims({ rid: 'G-other', rty: 'group', gid: 'G' })],
    ['a single room with a gid (a single chat is never a group)', () => claims({ rid: 'S', rty: 'single', gid: 'S' })],
    ['a single room without rid', () => claims({ rty: 'single' })],
  ])('a JWT signed with the secret but with %s is MALFORMED', async (_name, make) => {
    // Even where single chats are allowed: these are malformed whatever the room.
    expect(await refusal(await signedHS256(make()), { allowSingleChat: true })).toBe('MALFORMED')
  })

  test('a ticket issued before rooms (gid, no rid/rty) reads as a group room with roomId = gid', async () => {
    const old = await signedHS256(claims({ gid: 'G-old', ctp: 3 }))
    await expect(verify(old)).resolves.toEqual({
      openid: OPENID,
      roomType: 'group',
      roomId: 'G-old',
      opengid: 'G-old',
      chatType: 3,
      issuedAt: NOW,
      expiresAt: NOW + 600_000,
    })
  })

  test('a single room ticket: rid and rty, no gid; verified to roomId and roomType without an opengid', async () => {
    const single = { roomType: 'single', roomId: 'S-1', openSingleRoomid: 'S-1', chatType: 2 } as const
    const { ticket } = await issue(OPENID, single, NOW)
    const payload = JSON.parse(Buffer.from(ticket.split('.')[1], 'base64url').toString())
    expect(payload).toMatchObject({ rid: 'S-1', rty: 'single', ctp: 2 })
    expect(payload).not.toHaveProperty('gid')
    await expect(verify(ticket, { allowSingleChat: true })).resolves.toEqual({
      openid: OPENID,
      ...single,
      issuedAt: NOW,
      expiresAt: NOW + 7200 * 1000,
    })
  })

  test('without allowSingleChat a single room ticket is MALFORMED, as it was before rooms: groups only', async () => {
    const { ticket } = await issue(OPENID, { roomType: 'single', roomId: 'S-1', openSingleRoomid: 'S-1' }, NOW)
    for (const options of [{}, { allowSingleChat: false }]) {
      const error = await verify(ticket, options).catch((failure: GroupTicketError) => failure)
      expect(error).toMatchObject({ code: 'MALFORMED', message: expect.stringContaining('single chat') })
    }
    // A group's ticket is the same either way.
    const { ticket: group } = await issue(OPENID, GROUP, NOW)
    await expect(verify(group, { allowSingleChat: true })).resolves.toMatchObject(GROUP)
  })

  test('allowSingleChat is a boolean or absent: anything else is a TypeError, not single chats let in', async () => {
    const { ticket } = await issue(OPENID, GROUP, NOW)
    const options = { allowSingleChat: 'yes' } as unknown as { allowSingleChat: boolean }
    await expect(verify(ticket, options)).rejects.toThrow(
      new TypeError('allowSingleChat must be true or false when given'),
    )
  })

  test('rotation: the first of ticketSecrets signs, every one verifies', async () => {
    const old = (await createTicketIssuer({ ticketSecret: OTHER_SECRET, appId: APP_ID })(OPENID, GROUP, NOW)).ticket
    const rotated = createTicketIssuer({ ticketSecrets: [TICKET_SECRET, OTHER_SECRET], appId: APP_ID })
    const fresh = (await rotated(OPENID, GROUP, NOW)).ticket
    const both = { ticketSecret: undefined, ticketSecrets: [TICKET_SECRET, OTHER_SECRET] }
    await expect(verify(old, both)).resolves.toMatchObject({ opengid: GROUP.opengid })
    await expect(verify(fresh, both)).resolves.toMatchObject({ opengid: GROUP.opengid })
    await expect(verify(fresh)).resolves.toMatchObject({ opengid: GROUP.opengid })
    // Once the old secret is dropped, its tickets stop working.
    expect(await refusal(old)).toBe('BAD_SIGNATURE')
    // An expired ticket under the second key is still EXPIRED, not BAD_SIGNATURE.
    expect(await refusal(old, { ...both, now: NOW + 7201_000 })).toBe('EXPIRED')
  })

  test('messages never quote the ticket or a secret', async () => {
    const { ticket } = await issue(OPENID, GROUP, NOW)
    const errors = await Promise.all([
      verify(ticket, { now: NOW + 7201_000 }).catch((error: Error) => error),
      verify(`${ticket}x`).catch((error: Error) => error),
      verify(ticket, { appId: 'wxother' }).catch((error: Error) => error),
    ])
    for (const error of errors) {
      expect(error).toBeInstanceOf(GroupTicketError)
      for (const secret of [ticket, TICKET_SECRET]) expect(String((error as Error).message)).not.toContain(secret)
    }
  })
})

describe('ticket options are checked at creation', () => {
  test('verifyGroupTicket rejects a non-finite now with a TypeError', async () => {
    const { ticket } = await issue(OPENID, GROUP, NOW)
    await expect(verify(ticket, { now: Number.NaN })).rejects.toThrow(TypeError)
    await expect(verify(ticket, { now: Infinity })).rejects.toThrow(TypeError)
  })

  test('verifyGroupTicket without appId is a TypeError', async () => {
    await expect(verify('a.b.c', { appId: '' })).rejects.toThrow(TypeError)
  })
})

describe('verifyGroupTicket keeps what it prepared for the last configuration', () => {
  test('calls with new option objects of one configuration import the HMAC key once', async () => {
    const secret = 'a-ticket-secret-of-this-test-alone-0123456789'
    const { ticket } = await createTicketIssuer({ ticketSecret: secret, appId: APP_ID })(OPENID, GROUP, NOW)
    const importKey = jest.spyOn(crypto.subtle, 'importKey')
    try {
      for (let call = 0; call < 3; call++) {
        expect((await verify(ticket, { ticketSecret: secret })).opengid).toBe(GROUP.opengid)
      }
      expect(importKey).toHaveBeenCalledTimes(1)
    } finally {
      importKey.mockRestore()
    }
  })

  test('another secret, app or allowSingleChat is another configuration: nothing checked under the last one', async () => {
    const { ticket } = await issue(OPENID, GROUP, NOW)
    expect((await verify(ticket)).opengid).toBe(GROUP.opengid)
    expect(await refusal(ticket, { ticketSecret: OTHER_SECRET })).toBe('BAD_SIGNATURE')
    expect(await refusal(ticket, { appId: 'wxother' })).toBe('WRONG_APP')
    const room = { roomType: 'single', roomId: 'S-pair', openSingleRoomid: 'S-pair', chatType: 1 } as const
    const single = await issue(OPENID, room, NOW)
    expect((await verify(single.ticket, { allowSingleChat: true })).roomType).toBe('single')
    expect(await refusal(single.ticket)).toBe('MALFORMED')
  })

  test('a key set given new keys in place is read anew: a rotation by assignment is seen', async () => {
    const { privateKey: oldKey, publicKey: oldPublic } = await generateKeyPair('EdDSA', { extractable: true })
    const { privateKey: newKey, publicKey: newPublic } = await generateKeyPair('EdDSA', { extractable: true })
    const signed = (privateKey: CryptoKey, kid: string) =>
      claims().setProtectedHeader({ alg: 'EdDSA', kid }).sign(privateKey)
    const jwks = { keys: [{ ...(await exportJWK(oldPublic)), kid: 'old', alg: 'EdDSA' }] }
    expect((await verify(await signed(oldKey, 'old'), { ticketSecret: undefined, jwks })).openid).toBe(OPENID)
    jwks.keys = [{ ...(await exportJWK(newPublic)), kid: 'new', alg: 'EdDSA' }]
    expect((await verify(await signed(newKey, 'new'), { ticketSecret: undefined, jwks })).openid).toBe(OPENID)
    expect(await refusal(await signed(oldKey, 'old'), { ticketSecret: undefined, jwks })).toBe('BAD_SIGNATURE')
  })
})
