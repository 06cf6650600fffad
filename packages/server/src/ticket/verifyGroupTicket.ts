import { jwtVerify } from 'jose'
import { isRecord } from '../shared/isRecord'
import { checkNonEmptyString } from '../shared/optionChecks'
import { GroupTicketError } from './GroupTicketError'
import { readClaims, TICKET_ISSUER, type GroupTicketClaims } from './ticketClaims'
import { ticketKeys, type TicketSecretOptions } from './ticketSecrets'

export type GroupTicketOptions = TicketSecretOptions & {
  /** Your Mini Program's appId: a ticket issued for another app is WRONG_APP. */
  appId: string
}

export type VerifyGroupTicketOptions = GroupTicketOptions & {
  /** The current time in ms since the epoch; default Date.now(). */
  now?: number
}

/** Verifies with keys prepared once; `now` in ms since the epoch. */
export type TicketVerifier = (ticket: unknown, now?: number) => Promise<GroupTicketClaims>

/** Real tickets are a few hundred bytes; anything far larger is refused before it is parsed. */
const MAX_TICKET_LENGTH = 4096

/**
 * Checks a group ticket: HS256 only (`alg: none` and every other algorithm are
 * refused), signed with one of the secrets, issued by opengid for this appId,
 * not expired. Resolves to its claims or rejects with GroupTicketError.
 */
export async function verifyGroupTicket(
  ticket: unknown,
  options: VerifyGroupTicketOptions,
): Promise<GroupTicketClaims> {
  return createTicketVerifier(options)(ticket, options.now)
}

/** verifyGroupTicket with the options checked once, at creation (TypeError). */
export function createTicketVerifier(options: GroupTicketOptions): TicketVerifier {
  const keys = ticketKeys(options)
  const { appId } = options
  checkNonEmptyString(appId, 'appId')
  return async (ticket, now = Date.now()) => {
    if (!Number.isFinite(now)) throw new TypeError('now must be a finite number of ms since the epoch')
    if (ticket === undefined || ticket === null || ticket === '') throw new GroupTicketError('MISSING')
    if (typeof ticket !== 'string' || ticket.length > MAX_TICKET_LENGTH) throw new GroupTicketError('MALFORMED')
    const verifyOptions = {
      algorithms: ['HS256'],
      issuer: TICKET_ISSUER,
      audience: appId,
      // No gid in a single chat's ticket: readClaims checks the room (rid/rty, or gid before rooms).
      requiredClaims: ['sub', 'iat', 'exp'],
      currentDate: new Date(now),
    }
    // Every key is tried in turn: a signature that fails under one may be the previous secret's.
    for (const key of keys) {
      try {
        return readClaims((await jwtVerify(ticket, await key(), verifyOptions)).payload)
      } catch (error) {
        if (joseCode(error) !== 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED') throw ticketError(error)
      }
    }
    throw new GroupTicketError('BAD_SIGNATURE')
  }
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
