import { jwtVerify, type JWTPayload } from 'jose'
import type { GroupsOnly } from '../shared/groupsOnly'
import { isRecord } from '../shared/isRecord'
import { lastConfiguration } from '../shared/lastConfiguration'
import { checkNonEmptyString } from '../shared/optionChecks'
import type { Room } from '../shared/wire'
import { GroupTicketError } from './GroupTicketError'
import { readClaims, TICKET_ISSUER, type GroupTicketClaims } from './ticketClaims'
import { TICKET_KEY_ALGORITHMS } from './ticketKeyPair'
import { keySetLookup, type TicketKeySet } from './ticketKeySet'
import { ticketKeys, type TicketSecretOptions } from './ticketSecrets'

/** HS256 secret(s), or the public keys of a resolver that signs with a private key. */
export type TicketVerificationOptions =
  | (TicketSecretOptions & { jwks?: undefined })
  | {
      /** The resolver's JWKS URL (cached, fetched again for an unknown kid) or the key set itself. */
      jwks: TicketKeySet
      ticketSecret?: undefined
      ticketSecrets?: undefined
    }

export type GroupTicketOptions = TicketVerificationOptions & {
  /** Your Mini Program's appId: a ticket issued for another app is WRONG_APP. */
  appId: string
  /**
   * Take single chats' tickets too; their claims name a single room (no `opengid`), so
   * the claims are typed `GroupTicketClaims<Room>`. Without it a single chat's ticket is
   * MALFORMED (401 TICKET_INVALID from the guards), as before rooms.
   */
  allowSingleChat?: boolean
}

export type VerifyGroupTicketOptions = GroupTicketOptions & {
  /** The current time in ms since the epoch; default Date.now(). */
  now?: number
}

/** Verifies with keys prepared once; `now` in ms since the epoch. */
export type TicketVerifier = (ticket: unknown, now?: number) => Promise<GroupTicketClaims<Room>>

/** Real tickets are a few hundred bytes; anything far larger is refused before it is parsed. */
const MAX_TICKET_LENGTH = 4096

/**
 * Checks a group ticket: with secrets HS256 only, with `jwks` EdDSA and ES256 only
 * (`alg: none` and every other algorithm are refused, so a public key is never
 * taken for an HMAC secret), signed with one of the keys, issued by opengid for this appId,
 * not expired. Resolves to its claims (a group's, unless `allowSingleChat: true`) or
 * rejects with GroupTicketError.
 */
export function verifyGroupTicket(
  ticket: unknown,
  options: VerifyGroupTicketOptions & GroupsOnly,
): Promise<GroupTicketClaims>
export function verifyGroupTicket(ticket: unknown, options: VerifyGroupTicketOptions): Promise<GroupTicketClaims<Room>>
export async function verifyGroupTicket(
  ticket: unknown,
  options: VerifyGroupTicketOptions,
): Promise<GroupTicketClaims<Room>> {
  return verifierFor(options)(ticket, options.now)
}

/**
 * The verifier of the last configuration seen: made per call, every ticket imported its
 * HMAC key again (HS256 took twice as long as through a guard, which prepares once).
 */
const verifierFor = lastConfiguration(
  ({ ticketSecret, ticketSecrets, jwks, appId, allowSingleChat }: GroupTicketOptions) => [
    ticketSecret,
    ticketSecrets,
    // A URL made anew per call names the same set (remote sets are kept per URL anyway);
    // a key set is known by its keys, so one given new keys in place is read anew.
    jwks instanceof URL ? jwks.href : isRecord(jwks) ? jwks.keys : jwks,
    appId,
    allowSingleChat,
  ],
  createTicketVerifier,
)

/** verifyGroupTicket with the options checked once, at creation (TypeError). */
export function createTicketVerifier(options: GroupTicketOptions): TicketVerifier {
  const { appId, allowSingleChat = false } = options
  const verifiers = keyVerifiers(options)
  checkNonEmptyString(appId, 'appId')
  // Strictly a boolean: a truthy string left by a config file must not let single chats in.
  if (typeof allowSingleChat !== 'boolean') throw new TypeError('allowSingleChat must be true or false when given')
  return async (ticket, now = Date.now()) => {
    if (!Number.isFinite(now)) throw new TypeError('now must be a finite number of ms since the epoch')
    if (ticket === undefined || ticket === null || ticket === '') throw new GroupTicketError('MISSING')
    if (typeof ticket !== 'string' || ticket.length > MAX_TICKET_LENGTH) throw new GroupTicketError('MALFORMED')
    const verifyOptions = {
      issuer: TICKET_ISSUER,
      audience: appId,
      // No gid in a single chat's ticket: readClaims checks the room (rid/rty, or gid before rooms).
      requiredClaims: ['sub', 'iat', 'exp'],
      currentDate: new Date(now),
    }
    // Every key is tried in turn: a signature that fails under one may be the previous secret's.
    for (const verifyWith of verifiers) {
      try {
        return readClaims(await verifyWith(ticket, verifyOptions), allowSingleChat)
      } catch (error) {
        if (joseCode(error) !== 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED') throw ticketError(error)
      }
    }
    throw new GroupTicketError('BAD_SIGNATURE')
  }
}

type VerifyClaims = { issuer: string; audience: string; requiredClaims: string[]; currentDate: Date }

/** One function per key that resolves to a ticket's payload; the algorithms go with the kind of key. */
function keyVerifiers(
  options: Partial<Record<keyof TicketVerificationOptions, unknown>>,
): ((ticket: string, claims: VerifyClaims) => Promise<JWTPayload>)[] {
  if (options.jwks === undefined) {
    return ticketKeys(options).map(
      (key) => async (ticket, claims) =>
        (await jwtVerify(ticket, await key(), { ...claims, algorithms: ['HS256'] })).payload,
    )
  }
  if (options.ticketSecret !== undefined || options.ticketSecrets !== undefined) {
    throw new TypeError('give jwks or ticketSecret(s), not both')
  }
  const lookup = keySetLookup(options.jwks)
  const algorithms = [...TICKET_KEY_ALGORITHMS]
  return [async (ticket, claims) => (await jwtVerify(ticket, lookup, { ...claims, algorithms })).payload]
}

/**
 * jose checks the algorithm, then the signature, then the claims, so EXPIRED and
 * WRONG_APP only ever describe a ticket with a valid signature.
 */
function ticketError(error: unknown): unknown {
  const code = joseCode(error)
  switch (code) {
    case 'ERR_JOSE_ALG_NOT_ALLOWED':
      return new GroupTicketError('BAD_SIGNATURE')
    case 'ERR_JWT_EXPIRED':
      return new GroupTicketError('EXPIRED')
    case 'ERR_JWT_CLAIM_VALIDATION_FAILED':
      return new GroupTicketError(isRecord(error) && error.claim === 'aud' ? 'WRONG_APP' : 'MALFORMED')
  }
  // Any other jose error is about the ticket's form; anything else (our GroupTicketError
  // from readClaims, or a bug) passes unchanged.
  return typeof code === 'string' && code.startsWith('ERR_J') ? new GroupTicketError('MALFORMED') : error
}

function joseCode(error: unknown): unknown {
  return isRecord(error) ? error.code : undefined
}
