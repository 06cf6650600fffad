import { isRecord } from '../shared/isRecord'
import { isGroupId } from '../shared/wire'
import type { AccessTokenCache } from '../wechat/accessToken/accessTokenCache'
import { withAccessToken } from '../wechat/accessToken/withAccessToken'
import { callWeChat } from '../wechat/wechatRequest'

/** The chat tool card's state: 1 collecting (its initial state), 2 about to close, 3 ended. */
export type ChatToolTargetState = 1 | 2 | 3

/** Which build of the Mini Program the system message's link opens: 0 release, 1 develop, 2 trial. */
export type MiniProgramVersionType = 0 | 1 | 2

/** WeChat's two fixed templates for chat tool cards; the client's updateShareMenu names the same one. */
export const CHAT_TOOL_TEMPLATE_IDS = {
  /** "已完成" (completed). */
  completed: '4A68CBB88A92B0A9311848DBA1E94A199B166463',
  /** "已参与" (participated). */
  participated: '2A84254B945674A2F88CE4970782C402795EB607',
} as const

export interface ChatToolMessageUpdate {
  /** From createActivityId. */
  activityId: string
  targetState: ChatToolTargetState
  templateId: string
  /**
   * Members, by their group_openid in the card's chat, to mark as done (WeChat's
   * state 1, the only one it lets you set). Required with targetState 1, where
   * they are the point of the call; not needed with 2 or 3.
   */
  participators?: { groupOpenid: string }[]
  /** Default 0 (release). */
  versionType?: MiniProgramVersionType
}

/**
 * Updates a chat tool card (POST /cgi-bin/message/wxopen/chattoolmsg/send):
 * marks members done, or moves the card to "about to close" or "ended". WeChat's
 * errcodes become WeChatApiError; a refused token (40001, 42001) is replaced and
 * the call made once more. A bad update is a TypeError, before any request.
 */
export async function setChatToolMsg(tokens: AccessTokenCache, update: ChatToolMessageUpdate): Promise<void> {
  const body = chatToolMsgBody(update)
  await withAccessToken(tokens, (token) =>
    callWeChat(tokens.transport, '/cgi-bin/message/wxopen/chattoolmsg/send', {
      query: { access_token: token },
      body,
      redact: [token],
    }),
  )
}

/** The update as WeChat's body, checked field by field. */
function chatToolMsgBody(update: unknown): Record<string, unknown> {
  if (!isRecord(update))
    throw new TypeError('the update must be an object: { activityId, targetState, templateId, ... }')
  const { activityId, targetState, templateId, participators, versionType = 0 } = update
  if (typeof activityId !== 'string' || activityId === '') throw new TypeError('activityId must be a non-empty string')
  if (targetState !== 1 && targetState !== 2 && targetState !== 3) throw new TypeError('targetState must be 1, 2 or 3')
  if (typeof templateId !== 'string' || templateId === '') throw new TypeError('templateId must be a non-empty string')
  if (versionType !== 0 && versionType !== 1 && versionType !== 2) {
    throw new TypeError('versionType must be 0 (release), 1 (develop) or 2 (trial) when present')
  }
  const members = groupOpenids(participators)
  if (targetState === 1 && members.length === 0) {
    throw new TypeError('targetState 1 needs participators: the members to mark as done')
  }
  return {
    activity_id: activityId,
    target_state: targetState,
    template_id: templateId,
    ...(members.length === 0
      ? {}
      : { participator_info_list: members.map((groupOpenid) => ({ group_openid: groupOpenid, state: 1 })) }),
    version_type: versionType,
  }
}

function groupOpenids(participators: unknown): string[] {
  if (participators === undefined) return []
  if (!Array.isArray(participators)) throw new TypeError('participators must be an array of { groupOpenid }')
  return participators.map((participator, index) => {
    const groupOpenid = isRecord(participator) ? participator.groupOpenid : undefined
    if (!isGroupId(groupOpenid)) {
      throw new TypeError(`participators[${index}].groupOpenid must be a group_openid ([A-Za-z0-9_-]{1,64})`)
    }
    return groupOpenid
  })
}
