import type { GroupTicketClaims } from '../../ticket/ticketClaims'
import { responseOf } from '../fetchAnswer'
import type { RequireGroupTicketOptions } from './requireGroupTicket'
import { createTicketGuard } from './ticketGuard'

/**
 * requireGroupTicket for fetch-standard servers: `handler` runs only with a valid
 * group ticket and gets its claims; anything the runtime passes after the request
 * (a Next.js context, a Workers env) is handed on. Refusals are the same answers.
 */
export function withGroupTicket<Args extends unknown[] = []>(
  options: RequireGroupTicketOptions<Request>,
  handler: (request: Request, group: GroupTicketClaims, ...args: Args) => Response | Promise<Response>,
): (request: Request, ...args: Args) => Promise<Response> {
  const guard = createTicketGuard(options)
  return async (request, ...args) => {
    const outcome = await guard(request, request.headers.get('authorization'))
    return outcome.answer ? responseOf(outcome.answer) : handler(request, outcome.group, ...args)
  }
}
