import { reportInternalError, type InternalErrorReporter } from '../../shared/reportInternalError'
import type { Room } from '../../shared/wire'
import { GroupTicketError } from '../../ticket/GroupTicketError'
import type { GroupTicketClaims } from '../../ticket/ticketClaims'
import { createTicketVerifier, type GroupTicketOptions } from '../../ticket/verifyGroupTicket'
import { errorAnswer, type HttpAnswer } from '../httpAnswer'

export type GroupTicketGuardOptions<Req> = GroupTicketOptions & {
  /**
   * The room the request is about (e.g. from the route's path), or undefined for a
   * route that is not about one room. A ticket for another room (group or single
   * chat, compared by roomId) is 403 GROUP_MISMATCH.
   */
  group?: (req: Req) => string | undefined
  /** Receives a `group` function's exception (answered 500); default console.error. */
  onInternalError?: InternalErrorReporter
}

/** The verified claims, or the answer that refuses the request. */
export type GuardOutcome =
  { group: GroupTicketClaims<Room>; answer?: undefined } | { answer: HttpAnswer; group?: undefined }

const BEARER = /^Bearer[ \t]+(\S+)[ \t]*$/i

/**
 * What requireGroupTicket and withGroupTicket share: read `Authorization: Bearer`,
 * verify, compare the route's group. Options are checked once (TypeError). Never
 * rejects: an exception (a `group` function's) is reported and answered 500.
 */
export function createTicketGuard<Req>(
  options: GroupTicketGuardOptions<Req>,
): (req: Req, authorization: string | null | undefined) => Promise<GuardOutcome> {
  const verify = createTicketVerifier(options)
  const routeGroup = options.group
  if (routeGroup !== undefined && typeof routeGroup !== 'function') {
    throw new TypeError('group must be a function that reads the group a request is about')
  }
  const report = options.onInternalError
  const check = async (req: Req, authorization: string | null | undefined): Promise<GuardOutcome> => {
    let group: GroupTicketClaims<Room>
    try {
      group = await verify(BEARER.exec(authorization ?? '')?.[1])
    } catch (error) {
      if (error instanceof GroupTicketError) {
        // Not the client's fault: the operator must hear of keys that cannot be fetched.
        if (error.code === 'KEYS_UNAVAILABLE') reportInternalError(report, error)
        return { answer: refusal(error) }
      }
      throw error
    }
    const wanted = routeGroup?.(req)
    if (wanted !== undefined && wanted !== group.roomId) {
      return {
        answer: errorAnswer(
          403,
          'GROUP_MISMATCH',
          'the group ticket is for another group than the one this request is about: resolve the group the request names',
        ),
      }
    }
    return { group }
  }
  return (req, authorization) =>
    check(req, authorization).catch((error: unknown) => {
      reportInternalError(report, error)
      return { answer: errorAnswer(500, 'INTERNAL', 'internal server error') }
    })
}

/** RFC 6750: a 401 names the scheme, and says when the token itself is at fault. */
function refusal(error: GroupTicketError): HttpAnswer {
  switch (error.code) {
    case 'KEYS_UNAVAILABLE':
      return errorAnswer(503, 'TICKET_KEYS_UNAVAILABLE', error.message, { 'Retry-After': '30' })
    case 'MISSING':
      return errorAnswer(401, 'TICKET_MISSING', error.message, { 'WWW-Authenticate': 'Bearer realm="opengid"' })
    case 'EXPIRED':
      return errorAnswer(401, 'TICKET_EXPIRED', error.message, {
        'WWW-Authenticate': 'Bearer realm="opengid", error="invalid_token"',
      })
    case 'MALFORMED':
    case 'BAD_SIGNATURE':
    case 'WRONG_APP':
      return errorAnswer(401, 'TICKET_INVALID', error.message, {
        'WWW-Authenticate': 'Bearer realm="opengid", error="invalid_token"',
      })
  }
}
