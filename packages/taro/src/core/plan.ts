import type { EnterOptions, GroupBridge, GroupEnterSource } from './types'
import { atLeast } from './version'

/** Group chat card, card with shareTicket, group tool, group to-do, group announcement. */
export const DEFAULT_GROUP_SCENES: readonly number[] = [1008, 1044, 1158, 1160, 1185]

const GROUP_TOOL_SCENE = 1158
const GROUP_CHAT_TYPES = [3, 4]
const SINGLE_CHAT_TYPES = [1, 2]

/** Base library versions from the WeChat docs (see the decision table in the README). */
export const MIN_SDK = {
  groupTool: '2.10.4',
  groupEnterInfo: '2.17.3',
  singleChat: '3.7.8',
} as const

export interface PlanOptions {
  scenes: readonly number[]
  allowSingleChat?: boolean
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
  bridge: Pick<GroupBridge, 'sdkVersion' | 'has'>,
  config: PlanOptions,
): EntryPlan {
  // H5, alipay, tt...: nothing here can ever give group info, whatever the launch says.
  if (!bridge.has('getGroupEnterInfo') && !bridge.has('getShareInfo')) return 'unsupported'
  const { scene, chatType, shareTicket } = options || {}
  const isGroup = has(config.scenes, scene) || has(GROUP_CHAT_TYPES, chatType)
  const isSingleChat = !isGroup && !!config.allowSingleChat && has(SINGLE_CHAT_TYPES, chatType)
  if (!isGroup && !isSingleChat) return 'none'

  const sdk = bridge.sdkVersion()
  // An unknown version (some hosts do not report one) gets the modern API when it exists.
  const from = (minimum: string) => sdk === undefined || atLeast(sdk, minimum)
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
  return [o.scene, o.shareTicket, o.chatType].join('|')
}
