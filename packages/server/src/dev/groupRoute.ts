import type { IncomingMessage, ServerResponse } from 'node:http'
import { requireGroupTicket, type WithGroupTicket } from '../http/guards/requireGroupTicket'
import { errorAnswer } from '../http/httpAnswer'
import { answerNodeRequest } from '../http/nodeAnswer'
import type { Room } from '../shared/wire'
import type { TicketSecretOptions } from '../ticket/ticketSecrets'

/**
 * The demo's room APIs: `/api/rooms/:roomId/:feature` for any room, group or single
 * chat, and `/api/groups/:opengid/:feature`, their path before rooms, which stays.
 */
export const GROUP_API_PATH = /^\/api\/(?:rooms|groups)\/([^/]+)\/([a-z]+)$/

/** A request that passed the ticket check for the room its path names (`opengid` holds its roomId). */
export type GroupRequest = IncomingMessage & { opengid: string } & WithGroupTicket<Room>

/** One of the demo's group features: what GET and POST answer for the group the ticket vouches for. */
export type GroupFeature = (req: GroupRequest, res: ServerResponse) => void

/** A request to one group's feature, the opengid still URL-encoded as the path has it. */
export type GroupRoute = (req: IncomingMessage, res: ServerResponse, rawOpengid: string) => void

/**
 * GET and POST only, the room id decoded from the path, then requireGroupTicket: only
 * a ticket for the room the path names (matched by roomId) reaches the feature. The
 * path's id is never trusted by itself.
 */
export function groupRoute(options: TicketSecretOptions & { appId: string }, feature: GroupFeature): GroupRoute {
  // The demo's features serve single chats too, so their tickets pass (keyed by roomId).
  const guard = requireGroupTicket<IncomingMessage & { opengid: string }>({
    ...options,
    allowSingleChat: true,
    group: (req) => req.opengid,
  })
  return (req, res, rawOpengid) => {
    if (req.method !== 'GET' && req.method !== 'POST') {
      return answerNodeRequest(
        req,
        res,
        errorAnswer(405, 'METHOD_NOT_ALLOWED', 'use GET or POST', { Allow: 'GET, POST' }),
      )
    }
    let opengid: string
    try {
      opengid = decodeURIComponent(rawOpengid)
    } catch {
      return answerNodeRequest(req, res, errorAnswer(400, 'BAD_INPUT', 'the group in the path is not URL-encoded text'))
    }
    const routed = Object.assign(req, { opengid })
    void guard(routed, res, () => feature(routed as GroupRequest, res))
  }
}
