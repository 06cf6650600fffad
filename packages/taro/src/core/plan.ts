import type { EnterOptions, GroupBridge, GroupEnterInfoOptions, GroupEnterSource, EnterState } from './types'
import { atLeast } from './version'
import { isChatType } from './wire'

/** Group chat card, card with shareTicket, group tool, group to-do, group announcement. */
export const DEFAULT_GROUP_SCENES: readonly number[] = [1008, 1044, 1158, 1160, 1185]

const GROUP_TOOL_SCENE = 1158
const GROUP_CHAT_TYPES = [3, 4]
const SINGLE_CHAT_TYPES = [1, 2]

/** Base library versions from the WeChat docs (see the decision table in docs/guide/versions.md). */
export const MIN_SDK = {
  groupTool: '2.10.4',
  groupEnterInfo: '2.17.3',
  singleChat: '3.7.8',
  chatTool: '3.7.8',
} as const

/** `apiCategory` inside WeChat's chat tool, and the provider's `mode` there. */
export const CHAT_TOOL = 'chatTool'

/** What decides an entry's plan; the group API is asked with the same options. */
export interface PlanOptions extends GroupEnterInfoOptions {
  scenes: readonly number[]
  /** The provider sits in the chat tool's pages: the room is the launch, whatever the options say. */
  mode?: typeof CHAT_TOOL
}

/** A non-empty string: what every id, code and payload field must be. */
export const isText = (value: unknown): value is string => typeof value === 'string' && value !== ''

/** What a launch leads to: no call, no way to call, or the API to call. */
export type EntryPlan = 'none' | 'unsupported' | GroupEnterSource

const has = (list: readonly number[], value: number | undefined) => list.indexOf(value as number) >= 0

/**
 * Decides, from the enter options alone, whether this launch can carry group data and
 * which API gets it. Pure: no bridge call is made for a launch that is not from a chat.
 */
export function planEntry(
  options: EnterOptions | undefined,
  bridge: Pick<GroupBridge, 'sdkVersion' | 'has' | 'getChatToolInfo'>,
  config: PlanOptions,
): EntryPlan {
  const { scene, chatType, shareTicket, apiCategory } = options || {}
  // An unknown version (some hosts do not report one) gets the modern API when it exists.
  const from = (minimum: string, sdk = bridge.sdkVersion()) => sdk === undefined || atLeast(sdk, minimum)
  const single = has(SINGLE_CHAT_TYPES, chatType)
  // Inside the chat tool the chat is the launch: WeChat says so in the enter options, or the provider's mode does.
  if (apiCategory === CHAT_TOOL || config.mode === CHAT_TOOL) {
    if (!bridge.getChatToolInfo || !bridge.has('getChatToolInfo')) return 'unsupported'
    // A single chat resolves only for an app that allows single chats: the server refuses it otherwise.
    if (single && !config.allowSingleChat) return 'none'
    return from(MIN_SDK.chatTool) ? 'getChatToolInfo' : 'unsupported'
  }
  // H5, alipay, tt...: nothing here can ever give group info, whatever the launch says.
  if (!bridge.has('getGroupEnterInfo') && !bridge.has('getShareInfo')) return 'unsupported'
  const isGroup = has(config.scenes, scene) || has(GROUP_CHAT_TYPES, chatType)
  const isSingleChat = !isGroup && !!config.allowSingleChat && single
  if (!isGroup && !isSingleChat) return 'none'
  const enterInfoCovers =
    bridge.has('getGroupEnterInfo') &&
    (isSingleChat
      ? from(MIN_SDK.singleChat)
      : from(MIN_SDK.groupEnterInfo) || (scene === GROUP_TOOL_SCENE && from(MIN_SDK.groupTool)))
  if (enterInfoCovers) return 'getGroupEnterInfo'
  return !isSingleChat && shareTicket && bridge.has('getShareInfo') ? 'getShareInfo' : 'unsupported'
}

/** Two launches are the same group entry when these match; anything else is a new entry. */
export function entryKey(options: EnterOptions | undefined): string {
  const o = options || {}
  return [o.scene, o.shareTicket, o.chatType, o.apiCategory].join('|')
}

/** What every state of an entry says of its launch, whatever the answer. */
export function baseState(options: EnterOptions | undefined): Pick<EnterState, 'scene' | 'chatType'> {
  const chatType = options && options.chatType
  return { scene: options && options.scene, chatType: isChatType(chatType) ? chatType : undefined }
}

export const isCall = (plan: EntryPlan): plan is GroupEnterSource => plan !== 'none' && plan !== 'unsupported'

/** The state a plan leads to before any answer: 'loading' for a call, else the plan itself. */
export function planState(options: EnterOptions | undefined, entryPlan: EntryPlan): EnterState {
  return Object.assign({ status: isCall(entryPlan) ? 'loading' : entryPlan }, baseState(options)) as EnterState
}
