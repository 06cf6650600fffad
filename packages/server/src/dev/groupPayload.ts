import type { ChatType, GroupEnterSource } from '../shared/wire'

/** A group entry for the fake to encrypt. */
export interface FakeGroup {
  /** The group; absent (or '') for a single chat, which gives openSingleRoomid instead. */
  opengid?: string
  /** getGroupEnterInfo's chat_type; default 3 (WeChat group). */
  chatType?: ChatType
  /** Which API's payload shape to produce; default 'getGroupEnterInfo'. */
  source?: GroupEnterSource
  groupOpenid?: string
  openSingleRoomid?: string
  /** Default: none for getGroupEnterInfo (none is documented), one for getShareInfo. */
  watermark?: boolean
  /** Watermark time in seconds; default now. */
  timestamp?: number
  /** Watermark appid; default the fake's appId. Set another to simulate data made for another Mini Program. */
  appId?: string
}

/** One default for the payload's shape and the `source` a client reports with it. */
export function sourceOf(group: FakeGroup): GroupEnterSource {
  return group.source ?? 'getGroupEnterInfo'
}

/**
 * Inside the chat tool WeChat always says who the user is in the chat: a group_openid
 * the fake makes (see fakeIds.ts) when the test gives none.
 */
export function withMember(group: FakeGroup, memberId: (chat: string) => string): FakeGroup {
  if (sourceOf(group) !== 'getChatToolInfo' || group.groupOpenid !== undefined) return group
  return { ...group, groupOpenid: memberId(group.opengid || group.openSingleRoomid || '') }
}

/** The plaintext JSON WeChat would encrypt for this group entry. */
export function groupPayload(group: FakeGroup, appId: string): Record<string, unknown> {
  const source = sourceOf(group)
  const payload: Record<string, unknown> =
    source === 'getShareInfo'
      ? { openGId: group.opengid }
      : {
          opengid: group.opengid ?? '',
          open_single_roomid: group.openSingleRoomid ?? '',
          group_openid: group.groupOpenid ?? '',
          chat_type: group.chatType ?? 3,
        }
  if (group.watermark ?? source === 'getShareInfo') {
    payload.watermark = { appid: group.appId ?? appId, timestamp: group.timestamp ?? Math.floor(Date.now() / 1000) }
  }
  return payload
}
