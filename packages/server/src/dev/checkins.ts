import type { IncomingMessage, ServerResponse } from 'node:http'
import { errorAnswer } from '../httpAnswer'
import { answerNodeRequest } from '../nodeHandler'
import { requireGroupTicket, type WithGroupTicket } from '../ticket/requireGroupTicket'
import type { TicketSecretOptions } from '../ticket/ticketSecrets'
import type { FakeWeChat } from './fakeWeChat'

export interface Checkin {
  /** The fake WeChat's name for the user the ticket was issued to. */
  user: string
  /** ms since the epoch. */
  at: number
}

/** The path of the demo's group API; the group's opengid is its second segment. */
export const CHECKINS_PATH = /^\/api\/groups\/([^/]+)\/checkins$/

/** A development server needs no more history than a screen shows. */
const MAX_CHECKINS_PER_GROUP = 100

type GroupRequest = IncomingMessage & { opengid: string }

/**
 * The demo's group feature, and an example of a route behind requireGroupTicket:
 * check-ins kept per group, in memory. GET lists them (newest first), POST adds
 * one for the ticket's user. Only a ticket for the group the path names gets in.
 */
export function checkinRoutes(
  options: TicketSecretOptions & { appId: string; fake: FakeWeChat },
): (req: IncomingMessage, res: ServerResponse, rawOpengid: string) => void {
  const { fake } = options
  const byGroup = new Map<string, Checkin[]>()
  const guard = requireGroupTicket<GroupRequest>({ ...options, group: (req) => req.opengid })

  const answer = (req: GroupRequest & WithGroupTicket, res: ServerResponse) => {
    const checkins = byGroup.get(req.group.opengid) ?? []
    if (req.method === 'GET') return answerNodeRequest(req, res, { status: 200, json: { checkins } })
    const checkin: Checkin = { user: fake.userOf(req.group.openid) ?? req.group.openid, at: Date.now() }
    byGroup.set(req.group.opengid, [checkin, ...checkins].slice(0, MAX_CHECKINS_PER_GROUP))
    answerNodeRequest(req, res, { status: 201, json: { checkin } })
  }

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
    void guard(routed, res, () => answer(routed as GroupRequest & WithGroupTicket, res))
  }
}
