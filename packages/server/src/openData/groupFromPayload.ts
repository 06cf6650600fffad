import { isChatType, isGroupId, type ResolvedGroup } from '../shared/wire'
import { decryptOpenData, type DecryptOpenDataOptions } from './decryptOpenData'
import { OpenDataError } from './OpenDataError'

/** Decrypts a getGroupEnterInfo or getShareInfo payload into its group. */
export function decryptGroupInfo(options: DecryptOpenDataOptions): ResolvedGroup {
  return groupFromPayload(decryptOpenData(options))
}

/**
 * Reads both payload shapes: getGroupEnterInfo's `opengid` with snake_case
 * extras, and getShareInfo's `openGId`. WeChat sends empty strings for fields
 * that do not apply, so those count as absent. A single-chat payload (only
 * open_single_roomid) is NO_GROUP: a ResolvedGroup always names a group. An id
 * of any other shape than WeChat's is DECRYPT: AES-CBC has no integrity check,
 * and a client that rewrote bytes of its own data must not get that id back.
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
  const group: ResolvedGroup = { opengid: checkedId(opengid, 'opengid') }
  if (isChatType(json.chat_type)) group.chatType = json.chat_type
  const groupOpenid = nonEmptyString(json.group_openid)
  if (groupOpenid !== undefined) group.groupOpenid = checkedId(groupOpenid, 'group_openid')
  const openSingleRoomid = nonEmptyString(json.open_single_roomid)
  if (openSingleRoomid !== undefined) group.openSingleRoomid = checkedId(openSingleRoomid, 'open_single_roomid')
  return group
}

function checkedId(value: string, field: string): string {
  if (isGroupId(value)) return value
  throw new OpenDataError(
    'DECRYPT',
    `the decrypted ${field} is not of the form WeChat issues (1 to 64 of A-Z a-z 0-9 _ -): the data was altered`,
  )
}

function nonEmptyString(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined
}
