// Compiled by `npm run typecheck`, never run: the wire between the two packages (exported so nothing is unused).
// A change on one side that the other cannot read fails the type check here.
import type { GroupAnswer, ResolverRequestBody, GroupWithTicket, HttpErrorCode } from '@opengid/server'
import type { GroupEnterError, GroupEnterPayload, ResolvedGroup } from '@opengid/taro'
import type { Credentials } from '../../packages/taro/src/core/session'
import type { SESSION_EXPIRED } from '../../packages/taro/src/core/wire'

declare const credentials: Credentials
declare const payload: GroupEnterPayload
declare const answer: GroupAnswer
declare const cloudAnswer: GroupWithTicket

// What httpResolver POSTs is a body the handlers read.
export const body: ResolverRequestBody = { ...credentials, ...payload }

// What the handlers and the cloud path answer is what the client keeps.
export const kept: ResolvedGroup = answer
export const keptFromCloud: ResolvedGroup = cloudAnswer
export const session: string = answer.session

// The error codes the client branches on are codes the server sends.
export const sessionExpired: HttpErrorCode = '' as typeof SESSION_EXPIRED
export const ticketExpired: HttpErrorCode = 'TICKET_EXPIRED'

// Every code the server sends is one the client's error names; the client types them from the same list.
export const serverCode: NonNullable<GroupEnterError['serverCode']> = '' as HttpErrorCode
