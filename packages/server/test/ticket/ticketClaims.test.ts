import type { JWTPayload } from 'jose'
import { GroupTicketError, type GroupTicketErrorCode, type ResolvedGroup } from '@opengid/server'
import { groupClaims, readClaims } from '../../src/ticket/ticketClaims'

const OPENID = 'o-ticket-user-0123456789abcdef'
const IAT = Date.UTC(2030, 0, 1) / 1000
const EXP = IAT + 7200
const GROUP: ResolvedGroup = {
  roomType: 'group',
  roomId: 'G-ticket',
  opengid: 'G-ticket',
  chatType: 3,
  groupOpenid: 'o-in-group',
}
const SINGLE: ResolvedGroup = { roomType: 'single', roomId: 'R-single', openSingleRoomid: 'R-single', chatType: 1 }

/** What jose hands readClaims: the signer's registered claims with the private ones. */
const payload = (claims: JWTPayload): JWTPayload => ({
  iss: 'opengid',
  aud: 'wx1234567890abcdef',
  sub: OPENID,
  iat: IAT,
  exp: EXP,
  ...claims,
})

function refusal(claims: JWTPayload, allowSingleChat = true): GroupTicketErrorCode {
  try {
    readClaims(claims, allowSingleChat)
  } catch (error) {
    if (error instanceof GroupTicketError) return error.code
    throw error
  }
  throw new Error(`expected a GroupTicketError for ${JSON.stringify(claims)}`)
}

describe('groupClaims', () => {
  test("a group's ticket names it by rid, rty and gid, with its chat type and the user's group_openid", () => {
    expect(groupClaims(GROUP)).toEqual({ rid: 'G-ticket', rty: 'group', gid: 'G-ticket', ctp: 3, gop: 'o-in-group' })
  })

  // Code that reads gid must never take a single chat's id for a group's.
  test("a single chat's ticket has no gid", () => {
    expect(groupClaims(SINGLE)).toEqual({ rid: 'R-single', rty: 'single', ctp: 1 })
  })
})

describe('readClaims', () => {
  test('a group ticket: its room, the user as openid, times in ms', () => {
    expect(readClaims(payload(groupClaims(GROUP)), false)).toEqual({
      ...GROUP,
      openid: OPENID,
      issuedAt: IAT * 1000,
      expiresAt: EXP * 1000,
    })
  })

  test('a single chat ticket is read as one with allowSingleChat', () => {
    expect(readClaims(payload(groupClaims(SINGLE)), true)).toEqual({
      ...SINGLE,
      openid: OPENID,
      issuedAt: IAT * 1000,
      expiresAt: EXP * 1000,
    })
  })

  test('a single chat ticket without allowSingleChat is MALFORMED, and the message says how to take it', () => {
    const run = () => readClaims(payload(groupClaims(SINGLE)), false)
    expect(run).toThrow(GroupTicketError)
    expect(run).toThrow(
      expect.objectContaining({ code: 'MALFORMED', message: expect.stringContaining('allowSingleChat: true') }),
    )
  })

  test('a ticket from before rooms (v0.3: gid alone) is still read as that group', () => {
    expect(readClaims(payload({ gid: 'G-old' }), false)).toEqual({
      roomType: 'group',
      roomId: 'G-old',
      opengid: 'G-old',
      openid: OPENID,
      issuedAt: IAT * 1000,
      expiresAt: EXP * 1000,
    })
  })

  test('a ticket issued and expiring in the same second is read', () => {
    expect(readClaims(payload({ gid: 'G', exp: IAT }), false).expiresAt).toBe(IAT * 1000)
  })

  // Signed with the key, but not by this package: nothing in it is trusted.
  test.each<[string, JWTPayload]>([
    ['no sub', { gid: 'G', sub: undefined }],
    ['an empty sub', { gid: 'G', sub: '' }],
    ['a sub that is not a string', { gid: 'G', sub: 42 as unknown as string }],
    ['no iat', { gid: 'G', iat: undefined }],
    ['an iat that is a string', { gid: 'G', iat: String(IAT) as unknown as number }],
    ['no exp', { gid: 'G', exp: undefined }],
    ['an exp before its iat', { gid: 'G', exp: IAT - 1 }],
    ['a chat type outside 1-4', { gid: 'G', ctp: 5 }],
    ['a chat type as a string', { gid: 'G', ctp: '3' }],
    ['a group_openid of the wrong shape', { gid: 'G', gop: 'o"1' }],
    ['no room at all', {}],
    ['a gid of the wrong shape', { gid: 'G 1' }],
    ['a rid of the wrong shape', { rid: 'G/1', rty: 'group', gid: 'G/1' }],
    ['a rid that is not a string', { rid: 7, rty: 'group', gid: 7 }],
    ['a group rid without its gid', { rid: 'G', rty: 'group' }],
    ['a group whose gid differs from its rid', { rid: 'G', rty: 'group', gid: 'G-other' }],
    ['a single chat with a gid', { rid: 'R', rty: 'single', gid: 'R' }],
    ['a room type it does not know', { rid: 'C', rty: 'channel' }],
  ])('%s is MALFORMED, even with allowSingleChat', (_name, claims) => {
    expect(refusal(payload(claims))).toBe('MALFORMED')
  })
})
