import type { FakeGroup } from '@opengid/server/dev'

/** How the user opened (or re-showed) the app, and what WeChat will disclose about that chat. */
export interface Entry {
  scene: number
  /** 1 WeChat single chat, 2 WeCom single chat, 3 WeChat group, 4 WeCom interop group. */
  chatType?: 1 | 2 | 3 | 4
  shareTicket?: string
  /** What getGroupEnterInfo / getShareInfo disclose. Absent: they fail as WeChat does outside a group chat (40097). */
  group?: Omit<FakeGroup, 'source'>
  /** Makes getGroupEnterInfo / getShareInfo fail with this errCode instead, e.g. 65206 (no longer in the group). */
  fail?: { errCode: number; reason?: string }
}

/** What getEnterOptionsSync / getLaunchOptionsSync / onAppShow / App.onShow carry. */
export interface EnterOptions {
  scene: number
  path: string
  query: Record<string, string>
  referrerInfo: Record<string, never>
  shareTicket?: string
  chatType?: number
}

export function enterOptions(entry: Entry, path: string): EnterOptions {
  const options: EnterOptions = { scene: entry.scene, path, query: {}, referrerInfo: {} }
  // WeChat leaves these out rather than sending them empty when the launch has none.
  if (entry.shareTicket !== undefined) options.shareTicket = entry.shareTicket
  if (entry.chatType !== undefined) options.chatType = entry.chatType
  return options
}
