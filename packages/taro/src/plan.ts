import type { EnterOptions, GroupEnterSource } from './types'
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

export interface PlanEnvironment {
  sdkVersion: string | undefined
  has(api: GroupEnterSource): boolean
}

export interface PlanOptions {
  scenes: readonly number[]
  allowSingleChat?: boolean
}

export type EntryPlan =
  | { kind: 'none' }
  | { kind: 'unsupported'; reason: string }
  | { kind: 'call'; api: 'getGroupEnterInfo' }
  | { kind: 'call'; api: 'getShareInfo'; shareTicket: string }

/**
 * Decides, from the enter options alone, whether this launch can carry group data and
 * which API gets it. Pure: no bridge call is made for a launch that is not from a chat.
 */
export function planEntry(options: EnterOptions | undefined, env: PlanEnvironment, config: PlanOptions): EntryPlan {
  const scene = options?.scene
  const chatType = options?.chatType
  const isGroup =
    (scene !== undefined && config.scenes.indexOf(scene) !== -1) ||
    (chatType !== undefined && GROUP_CHAT_TYPES.indexOf(chatType) !== -1)
  const isSingleChat =
    !isGroup && !!config.allowSingleChat && chatType !== undefined && SINGLE_CHAT_TYPES.indexOf(chatType) !== -1
  if (!isGroup && !isSingleChat) return { kind: 'none' }

  const sdk = env.sdkVersion
  const hasEnterInfo = env.has('getGroupEnterInfo')
  const shareTicket = options?.shareTicket
  const viaShareInfo: EntryPlan | undefined =
    shareTicket && env.has('getShareInfo') ? { kind: 'call', api: 'getShareInfo', shareTicket } : undefined

  if (isSingleChat) {
    return hasEnterInfo && (sdk === undefined || atLeast(sdk, MIN_SDK.singleChat))
      ? { kind: 'call', api: 'getGroupEnterInfo' }
      : { kind: 'unsupported', reason: `single-chat launch info needs base library ${MIN_SDK.singleChat}` }
  }
  // An unknown version (some hosts do not report one) gets the modern API when it exists.
  const enterInfoCovers =
    hasEnterInfo &&
    (sdk === undefined ||
      atLeast(sdk, MIN_SDK.groupEnterInfo) ||
      (scene === GROUP_TOOL_SCENE && atLeast(sdk, MIN_SDK.groupTool)))
  if (enterInfoCovers) return { kind: 'call', api: 'getGroupEnterInfo' }
  if (viaShareInfo) return viaShareInfo
  return {
    kind: 'unsupported',
    reason: hasEnterInfo
      ? `base library ${sdk} cannot give group info for scene ${scene} without a shareTicket`
      : 'this platform has no getGroupEnterInfo and the launch carries no shareTicket',
  }
}

/** Two launches are the same group entry when these match; anything else is a new entry. */
export function entryKey(options: EnterOptions | undefined): string {
  return `${options?.scene ?? ''}|${options?.shareTicket ?? ''}|${options?.chatType ?? ''}`
}
