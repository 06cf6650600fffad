import type { GroupsOnly } from '../shared/groupsOnly'
import { isChatType, isGroupId, type GroupRoom, type ResolvedGroup } from '../shared/wire'
import { decryptOpenData, type DecryptOpenDataOptions } from './decryptOpenData'
import { OpenDataError } from './OpenDataError'

/**
 * Decrypts a getGroupEnterInfo or getShareInfo payload into its room. A single
 * chat's room only with `allowSingleChat`; without it, that payload is NO_GROUP
 * and the room is typed a group's (`opengid: string`), as before rooms.
 */
export function decryptGroupInfo(options: DecryptOpenDataOptions & GroupsOnly): ResolvedGroup<GroupRoom>
export function decryptGroupInfo(options: DecryptOpenDataOptions & { allowSingleChat?: boolean }): ResolvedGroup
export function decryptGroupInfo(options: DecryptOpenDataOptions & { allowSingleChat?: boolean }): ResolvedGroup {
  return groupFromPayload(decryptOpenData(options), options.allowSingleChat)
}

/**
 * Reads both payload shapes: getGroupEnterInfo's `opengid` with snake_case
 * extras, and getShareInfo's `openGId`. WeChat sends empty strings for fields
 * that do not apply, so those count as absent. A payload with an opengid is a
 * group room; one with only open_single_roomid a single room, read only when the
 * app allows single chats (else NO_GROUP: the resolver's one unreadable answer).
 * An id of any other shape than WeChat's is DECRYPT: AES-CBC has no integrity
 * check, and a client that rewrote bytes of its own data must not get that id back.
 */
export function groupFromPayload(json: Record<string, unknown>, allowSingleChat?: boolean): ResolvedGroup {
  const opengid = nonEmptyString(json.opengid) ?? nonEmptyString(json.openGId)
  const singleId = nonEmptyString(json.open_single_roomid)
  // Checked even beside an opengid: an id of the wrong shape anywhere means altered data.
  const openSingleRoomid = singleId === undefined ? undefined : checkedId(singleId, 'open_single_roomid')
  let group: ResolvedGroup
  if (opengid !== undefined) {
    const id = checkedId(opengid, 'opengid')
    group = { roomType: 'group', roomId: id, opengid: id }
  } else if (openSingleRoomid !== undefined && allowSingleChat) {
    group = { roomType: 'single', roomId: openSingleRoomid, openSingleRoomid }
  } else {
    throw new OpenDataError(
      'NO_GROUP',
      openSingleRoomid === undefined
        ? 'the data names no room (no opengid, no open_single_roomid)'
        : 'the data comes from a single chat, and the request did not allow single chats',
    )
  }
  if (isChatType(json.chat_type)) group.chatType = json.chat_type
  const groupOpenid = nonEmptyString(json.group_openid)
  if (groupOpenid !== undefined) group.groupOpenid = checkedId(groupOpenid, 'group_openid')
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
