import type { IncomingMessage, ServerResponse } from 'node:http'
import { errorAnswer } from '../httpAnswer'
import { reportInternalError, reportToConsole, type InternalErrorReporter } from '../internalError'
import { answerNodeRequest } from '../nodeHandler'
import type { GroupTicketClaims } from './ticketClaims'
import { createTicketGuard, type GroupTicketGuardOptions } from './ticketGuard'

/** A request that passed requireGroupTicket: `req.group` holds the verified claims. */
export interface WithGroupTicket {
  group: GroupTicketClaims
}

export type RequireGroupTicketOptions<Req> = GroupTicketGuardOptions<Req> & {
  /** Receives a `group` function's exception (answered 500); default console.error. */
  onInternalError?: InternalErrorReporter
}

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
  const report = options.onInternalError ?? reportToConsole
  return async (req, res, next) => {
    let outcome
    try {
      outcome = await guard(req, req.headers.authorization)
    } catch (error) {
      // Never `next(error)`: Koa's next takes no error and would run the protected route.
      reportInternalError(report, error)
      return answerNodeRequest(req, res, errorAnswer(500, 'INTERNAL', 'internal server error'))
    }
    if (outcome.answer) return answerNodeRequest(req, res, outcome.answer)
    Object.assign(req, { group: outcome.group })
    await next()
  }
}
