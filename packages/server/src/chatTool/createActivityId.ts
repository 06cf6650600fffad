import { isRecord } from '../shared/isRecord'
import type { AccessTokenCache } from '../wechat/accessToken/accessTokenCache'
import { withAccessToken } from '../wechat/accessToken/withAccessToken'
import { callWeChat, wechatUnreachable } from '../wechat/wechatRequest'

/** For a private message only: the one user who may share it. Give one of the two. */
export interface ActivityIdOptions {
  openid?: string
  unionid?: string
}

export interface ActivityId {
  /** For the client's updateShareMenu({ activityId, useForChatTool: true, ... }) and for setChatToolMsg. */
  activityId: string
  /** When the id expires, in seconds since the epoch as WeChat gives it (24 hours after creation by default). */
  expirationTime: number
}

/**
 * A new activity_id for a dynamic message (GET
 * /cgi-bin/message/wxopen/activityid/create). WeChat's errcodes become
 * WeChatApiError; a refused token (40001, 42001) is replaced and the call made
 * once more. Bad options are a TypeError, before any request.
 */
export async function createActivityId(tokens: AccessTokenCache, options: ActivityIdOptions = {}): Promise<ActivityId> {
  const sharer = sharerQuery(options)
  const answer = await withAccessToken(tokens, (token) =>
    callWeChat(tokens.transport, '/cgi-bin/message/wxopen/activityid/create', {
      query: { access_token: token, ...sharer },
      redact: [token],
    }),
  )
  const { activity_id: activityId, expiration_time: expirationTime } = answer
  if (typeof activityId !== 'string' || activityId === '' || typeof expirationTime !== 'number') {
    throw wechatUnreachable('the answer has no activity_id or expiration_time')
  }
  return { activityId, expirationTime }
}

function sharerQuery(options: unknown): Record<string, string> {
  if (!isRecord(options)) throw new TypeError('the options must be an object: { openid?, unionid? }')
  const query: Record<string, string> = {}
  for (const name of ['openid', 'unionid'] as const) {
    const value = options[name]
    if (value === undefined) continue
    if (typeof value !== 'string' || value === '')
      throw new TypeError(`${name} must be a non-empty string when present`)
    query[name] = value
  }
  return query
}
