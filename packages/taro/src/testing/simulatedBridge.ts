import { DEFAULT_GROUP_SCENES } from '../core/plan'
import { toBridgeError } from '../core/wechatFailure'
import type { BridgeStorage, EnterOptions, GroupBridge, GroupEnterPayload, GroupEnterSource } from '../core/types'
import { delay } from './delay'
import { memoryWeChat, type SimulatedGroup, type SimulatedWeChat } from './memoryWeChat'

export interface SimulatedClient {
  /** Launch scene. Default 1008 (group chat card). */
  scene?: number
  /**
   * Default 3 (WeChat group) when the scene is a group scene (the default ones, see
   * DEFAULT_GROUP_SCENES); none otherwise, as on a normal launch such as 1001.
   */
  chatType?: number
  shareTicket?: string
  /** Base library version. Default '3.8.0'. */
  sdkVersion?: string
  /** The group the client was opened from. Default 'G_SIMULATED'. */
  opengid?: string
  /** The single chat the client was opened from when `chatType` is 1 or 2. Default 'S_SIMULATED'. */
  openSingleRoomid?: string
  group?: Omit<SimulatedGroup, 'opengid' | 'openSingleRoomid'>
  /** `'chatTool'`: WeChat opened the app as the chat's chat tool, so the kit calls getChatToolInfo. */
  apiCategory?: string
  /** Which group APIs the host has. Default: all three. */
  apis?: Partial<Record<GroupEnterSource, boolean>>
  /** Make the group API fail as WeChat does, e.g. `{ errCode: 65206 }`. */
  fail?: { errCode?: number; errMsg?: string }
  /** Milliseconds each call takes. */
  latency?: { login?: number; bridge?: number }
  /** Where codes and payloads come from. Default `memoryWeChat()`. */
  wechat?: SimulatedWeChat
  /** The device's storage; pass one to a second bridge to play a second launch on the same phone. */
  storage?: BridgeStorage
  /** WeChat's session of the last login expired: the next payload is sealed with a key no login gave. */
  sessionExpired?: boolean
}

export type SimulatedCall =
  | { api: 'login' }
  | { api: 'getGroupEnterInfo'; options: Record<string, unknown> }
  | { api: 'getShareInfo'; shareTicket: string }
  | { api: 'getChatToolInfo' }

export interface SimulatedBridge extends GroupBridge {
  /** Every login and group API call, in order. */
  readonly calls: SimulatedCall[]
  count(api: SimulatedCall['api']): number
  /** The app goes to the background: fires onAppHide. */
  hide(): void
  /** Hot start, possibly from another chat: hides the app (unless it is hidden), merges `next`, fires onAppShow. */
  show(next?: SimulatedClient): void
  /** Changes the client without a show event (e.g. make the next call fail). */
  update(next: SimulatedClient): void
}

function subscribe<T>(set: Set<T>, listener: T): () => void {
  set.add(listener)
  return () => {
    set.delete(listener)
  }
}

/** A phone's storage, in memory. */
export function memoryStorage(): BridgeStorage {
  const values = new Map<string, string>()
  return {
    get: (key) => values.get(key),
    set: (key, value) => void values.set(key, value),
    remove: (key) => void values.delete(key),
  }
}

/**
 * `next` over `client`; a new scene without a chat type of its own brings the chat
 * type that scene has in WeChat: 3 (a group) for a group scene, none otherwise (a
 * normal launch such as 1001 gives `none`).
 */
function withScene(client: SimulatedClient, next: SimulatedClient): SimulatedClient {
  const merged = { ...client, ...next }
  if (next.scene !== undefined && !('chatType' in next)) {
    merged.chatType = DEFAULT_GROUP_SCENES.indexOf(next.scene) >= 0 ? 3 : undefined
  }
  return merged
}

/** A bridge that plays a WeChat client, for jest tests of group-scoped components and for the H5 demo. */
export function createSimulatedBridge(initial: SimulatedClient = {}): SimulatedBridge {
  let client: SimulatedClient = withScene(
    { scene: 1008, chatType: 3, sdkVersion: '3.8.0', opengid: 'G_SIMULATED', openSingleRoomid: 'S_SIMULATED' },
    initial,
  )
  const wechat = initial.wechat ?? memoryWeChat()
  if (initial.sessionExpired) wechat.expire?.()
  function change(next: SimulatedClient) {
    client = withScene(client, next)
    if (next.sessionExpired) wechat.expire?.()
  }
  const listeners = new Set<(options: EnterOptions) => void>()
  const hideListeners = new Set<() => void>()
  const storage = initial.storage ?? memoryStorage()
  const calls: SimulatedCall[] = []
  let hidden = false

  const enterOptions = (): EnterOptions => ({
    scene: client.scene,
    chatType: client.chatType,
    shareTicket: client.shareTicket,
    query: {},
    path: 'pages/index/index',
    apiCategory: client.apiCategory,
  })

  async function groupData(api: GroupEnterSource): Promise<GroupEnterPayload> {
    await delay(client.latency?.bridge)
    if (client.fail) throw toBridgeError({ errMsg: `${api}:fail`, ...client.fail }, api)
    const chatType = client.chatType as SimulatedGroup['chatType']
    // Both people in a single chat see the same open_single_roomid, and no opengid.
    const room =
      chatType === 1 || chatType === 2 ? { openSingleRoomid: client.openSingleRoomid } : { opengid: client.opengid }
    const sealed = await wechat.encrypt({ ...room, chatType, ...client.group }, api)
    return { ...sealed, source: api }
  }

  return {
    calls,
    count: (api) => calls.filter((call) => call.api === api).length,
    hide() {
      hidden = true
      hideListeners.forEach((listener) => listener())
    },
    show(next = {}) {
      if (!hidden) this.hide()
      hidden = false
      change(next)
      const options = enterOptions()
      listeners.forEach((listener) => listener(options))
    },
    update: change,
    getEnterOptions: enterOptions,
    onAppShow: (cb) => subscribe(listeners, cb),
    onAppHide: (cb) => subscribe(hideListeners, cb),
    storage,
    sdkVersion: () => client.sdkVersion,
    has: (api) => client.apis?.[api] !== false,
    getGroupEnterInfo(options) {
      calls.push({ api: 'getGroupEnterInfo', options: { ...options } })
      return groupData('getGroupEnterInfo')
    },
    getShareInfo(shareTicket) {
      calls.push({ api: 'getShareInfo', shareTicket })
      return groupData('getShareInfo')
    },
    getChatToolInfo() {
      calls.push({ api: 'getChatToolInfo' })
      return groupData('getChatToolInfo')
    },
    async login() {
      calls.push({ api: 'login' })
      await delay(client.latency?.login)
      return { code: await wechat.login() }
    },
  }
}
