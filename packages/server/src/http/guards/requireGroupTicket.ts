import type { IncomingMessage, ServerResponse } from 'node:http'
import type { GroupRoom, Room } from '../../shared/wire'
import type { GroupTicketClaims } from '../../ticket/ticketClaims'
import { answerNodeRequest } from '../nodeAnswer'
import { createTicketGuard, type GroupTicketGuardOptions } from './ticketGuard'

/**
 * A request that passed requireGroupTicket: `req.group` holds the verified claims, a
 * group's. Behind a guard with `allowSingleChat: true`, read it as `WithGroupTicket<Room>`.
 */
export interface WithGroupTicket<R extends Room = GroupRoom> {
  group: GroupTicketClaims<R>
}

export type RequireGroupTicketOptions<Req> = GroupTicketGuardOptions<Req>

/**
 * `(req, res, next)`: settles once it has refused the request or once `next`'s
 * result has settled (Koa's `next` returns the rest of the chain's promise).
 * Never rejects on its own account.
 */
export type GroupTicketMiddleware<Req extends IncomingMessage = IncomingMessage> = (
  req: Req,
  res: ServerResponse,
  next: () => unknown,
) => Promise<void>

/**
 * node:http / Express / Connect middleware (Koa through its raw req and res) that lets
 * a request through only with a valid group ticket in `Authorization: Bearer`, and
 * sets `req.group` to its claims. Refusals are 401 TICKET_MISSING, TICKET_INVALID or
 * TICKET_EXPIRED, and 403 GROUP_MISMATCH, as `{ error: { code, message } }`.
 */
export function requireGroupTicket<Req extends IncomingMessage = IncomingMessage>(
  options: RequireGroupTicketOptions<Req>,
): GroupTicketMiddleware<Req> {
  const guard = createTicketGuard(options)
  return async (req, res, next) => {
    // A failure is an answer too, never `next(error)`: Koa's next takes no error and would run the protected route.
    const outcome = await guard(req, req.headers.authorization)
    if (outcome.answer) return answerNodeRequest(req, res, outcome.answer)
    Object.assign(req, { group: outcome.group })
    await next()
  }
}
