import type { GroupsOnly } from '../../shared/groupsOnly'
import type { GroupRoom, Room } from '../../shared/wire'
import type { GroupTicketClaims } from '../../ticket/ticketClaims'
import { responseOf } from '../fetchAnswer'
import type { RequireGroupTicketOptions } from './requireGroupTicket'
import { createTicketGuard } from './ticketGuard'

/** A fetch handler that runs behind the guard, given the verified claims of the ticket. */
type GuardedHandler<R extends Room, Args extends unknown[]> = (
  request: Request,
  group: GroupTicketClaims<R>,
  ...args: Args
) => Response | Promise<Response>

/**
 * requireGroupTicket for fetch-standard servers: `handler` runs only with a valid
 * group ticket and gets its claims (a group's, unless `allowSingleChat: true`);
 * anything the runtime passes after the request (a Next.js context, a Workers env)
 * is handed on. Refusals are the same answers.
 */
export function withGroupTicket<Args extends unknown[] = []>(
  options: RequireGroupTicketOptions<Request> & GroupsOnly,
  handler: GuardedHandler<GroupRoom, Args>,
): (request: Request, ...args: Args) => Promise<Response>
export function withGroupTicket<Args extends unknown[] = []>(
  options: RequireGroupTicketOptions<Request>,
  handler: GuardedHandler<Room, Args>,
): (request: Request, ...args: Args) => Promise<Response>
export function withGroupTicket<Args extends unknown[] = []>(
  options: RequireGroupTicketOptions<Request>,
  handler: GuardedHandler<GroupRoom, Args>,
): (request: Request, ...args: Args) => Promise<Response> {
  const guard = createTicketGuard(options)
  return async (request, ...args) => {
    const outcome = await guard(request, request.headers.get('authorization'))
    if (outcome.answer) return responseOf(outcome.answer)
    // A single chat's claims pass only a guard with allowSingleChat: the overload whose handler takes any room.
    return handler(request, outcome.group as GroupTicketClaims, ...args)
  }
}
