import { OpenDataError } from './errors'
import { isChatType, type ResolvedGroup } from './types'

/**
 * Reads both payload shapes: getGroupEnterInfo's `opengid` with snake_case
 * extras, and getShareInfo's `openGId`. WeChat sends empty strings for fields
 * that do not apply, so those count as absent. A single-chat payload (only
 * open_single_roomid) is NO_GROUP: a ResolvedGroup always names a group.
 */
export function groupFromPayload(json: Record<string, unknown>): ResolvedGroup {
  const opengid = nonEmptyString(json.opengid) ?? nonEmptyString(json.openGId)
  if (opengid === undefined) {
    throw new OpenDataError(
      'NO_GROUP',
      nonEmptyString(json.open_single_roomid) === undefined
        ? 'the data names no group (no opengid)'
        : 'the data comes from a single chat, not a group',
    )
  }
  const group: ResolvedGroup = { opengid }
  if (isChatType(json.chat_type)) group.chatType = json.chat_type
  const groupOpenid = nonEmptyString(json.group_openid)
  if (groupOpenid !== undefined) group.groupOpenid = groupOpenid
  const openSingleRoomid = nonEmptyString(json.open_single_roomid)
  if (openSingleRoomid !== undefined) group.openSingleRoomid = openSingleRoomid
  return group
}

function nonEmptyString(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined
}
