import { answerNodeRequest } from '../http/nodeAnswer'
import type { FakeWeChat } from './fakeWeChat'
import type { GroupFeature } from './groupRoute'

export interface Checkin {
  /** The fake WeChat's name for the user the ticket was issued to. */
  user: string
  /** ms since the epoch. */
  at: number
}

/** A development server needs no more history than a screen shows. */
const MAX_CHECKINS_PER_GROUP = 100

/**
 * The demo's group check-in, kept per group in memory: GET lists them (newest
 * first), POST adds one for the ticket's user.
 */
export function checkins(fake: FakeWeChat): GroupFeature {
  const byGroup = new Map<string, Checkin[]>()
  return (req, res) => {
    const list = byGroup.get(req.group.roomId) ?? []
    if (req.method === 'GET') return answerNodeRequest(req, res, { status: 200, json: { checkins: list } })
    const checkin: Checkin = { user: fake.userOf(req.group.openid) ?? req.group.openid, at: Date.now() }
    byGroup.set(req.group.roomId, [checkin, ...list].slice(0, MAX_CHECKINS_PER_GROUP))
    answerNodeRequest(req, res, { status: 201, json: { checkin } })
  }
}
