import { GroupEnterError } from '../core/GroupEnterError'
import { isText } from '../core/plan'
import type { GroupEnterState } from '../core/types'
import type { ChatType } from '../core/wire'
import { chatToolApi, type ChatToolApiName } from './taroApis'
import { call, chatToolPayload } from './taroBridge'

// Typed, promise-returning forms of WeChat's chat tool APIs (base library 3.7.8+; see
// docs/platform-facts.md), which Taro 4.2's types lack. A host without the API (H5,
// other platforms, an older base library) rejects with UNSUPPORTED; WeChat's own
// failures reject with the kit's codes and keep errCode and errMsg (GroupEnterError).

export interface OpenChatToolOptions {
  /** A page of the chat tool's subpackage. */
  url: string
  /** The group's opengid, or a single chat's open_single_roomid; without it WeChat shows a chat picker. */
  roomid?: string
  /** Required by WeChat with `roomid`. */
  chatType?: ChatType
}

/** What `getChatToolInfo` gives: encrypted like getGroupEnterInfo's, for the server to decrypt. */
export interface ChatToolPayload {
  encryptedData: string
  iv: string
  /** Only with cloud development. */
  cloudID?: string
}

export interface NotifyGroupMembersOptions {
  /** At most 30 characters, a Chinese character counting as 2. */
  title: string
  /** group_openids, as selectGroupMembers gives them. */
  members: string[]
  /** The chat tool page the notice opens. */
  entrancePath: string
  /** Default 'complete' ("please complete"); 'participate' asks members to take part. */
  type?: 'participate' | 'complete'
}

export interface ShareAppMessageToGroupOptions {
  title: string
  /** A full path starting with '/'; default the current page. */
  path?: string
  /** PNG or JPG, shown at 5:4; default a screenshot. */
  imageUrl?: string
}

const NOTIFY_TITLE_LIMIT = 30

// null, not undefined, for a missing API: undefined would fall back to call's default lookup.
const run = <T>(api: ChatToolApiName, options: object) =>
  call<T>(api, options as Record<string, unknown>, chatToolApi(api) || null)

/** Enters the chat tool: in the given room, or in one the user picks. */
export function openChatTool(options: OpenChatToolOptions): Promise<void> {
  if (options.roomid !== undefined && options.chatType === undefined) {
    return Promise.reject(new TypeError('openChatTool: chatType is required with roomid'))
  }
  return run<unknown>('openChatTool', options).then(() => undefined)
}

/** Inside the chat tool: the room's data, encrypted (opengid or open_single_roomid, group_openid, chat_type). */
export function getChatToolInfo(): Promise<ChatToolPayload> {
  return chatToolPayload().then(({ encryptedData, iv, cloudID }) =>
    cloudID === undefined ? { encryptedData, iv } : { encryptedData, iv, cloudID },
  )
}

/**
 * Lets the user pick members of the room: their group_openids. Plain ids, proof of
 * nothing: a server trusts a member only through its own decryption or a ticket.
 */
export function selectGroupMembers(options: { maxSelectCount?: number } = {}): Promise<string[]> {
  return run<{ members?: unknown }>('selectGroupMembers', options).then(({ members }) =>
    Array.isArray(members) ? members.filter(isText) : [],
  )
}

/** The title's length as WeChat counts it. */
export const notifyTitleLength = (title: string): number =>
  Array.from(title).reduce(
    (length, char) => length + (/[\u2E80-\u9FFF\uF900-\uFAFF\uFF00-\uFFEF]/.test(char) ? 2 : 1),
    0,
  )

/** Sends members a notice to take part or complete; WeChat allows it only from a tap. */
export function notifyGroupMembers(options: NotifyGroupMembersOptions): Promise<void> {
  if (notifyTitleLength(options.title) > NOTIFY_TITLE_LIMIT) {
    return Promise.reject(new TypeError(`notifyGroupMembers: title is over ${NOTIFY_TITLE_LIMIT} characters`))
  }
  return run<unknown>('notifyGroupMembers', options).then(() => undefined)
}

/** Shares a card of this mini program into the room the chat tool runs in. */
export function shareAppMessageToGroup(options: ShareAppMessageToGroupOptions): Promise<void> {
  return run<unknown>('shareAppMessageToGroup', options).then(() => undefined)
}

/**
 * Enters the chat tool in the chat the app was opened from, so WeChat shows no picker:
 * the room is the resolved room's id (a group's opengid or a single chat's
 * open_single_roomid) and its chat type.
 */
export function openChatToolInChat(state: GroupEnterState, url: string): Promise<void> {
  // A resolved state always names its room; a chat type may be missing in development builds.
  if (state.status !== 'resolved' || !state.chatType) {
    return Promise.reject(
      new GroupEnterError(
        'SCENE',
        'No chat to open the chat tool in: the launch is not from a chat, or not resolved yet.',
      ),
    )
  }
  return openChatTool({ url, roomid: state.roomId, chatType: state.chatType })
}
