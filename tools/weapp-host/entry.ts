import type { FakeGroup } from '@opengid/server/dev'

/** WeChat's API categories; 'chatTool' is a launch into the chat tool (base library 3.7.8+). */
export type ApiCategory = 'default' | 'nativeFunctionalized' | 'browseOnly' | 'embedded' | 'chatTool'

/** How the user opened (or re-showed) the app, and what WeChat will disclose about that chat. */
export interface Entry {
  scene: number
  /**
   * The page opened, e.g. 'packageChatTool/pages/index/index'; default the first page of app.json.
   * A page of an independent subpackage launches that subpackage alone (see README.md).
   */
  page?: string
  /** Default 'default'. 'chatTool': opened in WeChat's chat tool, in the chat `group` describes. */
  apiCategory?: ApiCategory
  /** 1 WeChat single chat, 2 WeCom single chat, 3 WeChat group, 4 WeCom interop group. */
  chatType?: 1 | 2 | 3 | 4
  shareTicket?: string
  /**
   * What getGroupEnterInfo / getShareInfo / getChatToolInfo disclose. Absent: they fail as WeChat does
   * outside a group chat (40097).
   */
  group?: Omit<FakeGroup, 'source'>
  /** Makes getGroupEnterInfo / getShareInfo / getChatToolInfo fail with this errCode instead, e.g. 65206 (no longer in the group). */
  fail?: { errCode: number; reason?: string }
  /** The group_openids selectGroupMembers answers in the chat tool, as if the user picked them; default none. */
  members?: string[]
}

/** What getEnterOptionsSync / getLaunchOptionsSync / onAppShow / App.onShow carry. */
export interface EnterOptions {
  scene: number
  path: string
  query: Record<string, string>
  referrerInfo: Record<string, never>
  apiCategory: ApiCategory
  shareTicket?: string
  chatType?: number
}

export function enterOptions(entry: Entry, path: string): EnterOptions {
  const options: EnterOptions = {
    scene: entry.scene,
    path,
    query: {},
    referrerInfo: {},
    apiCategory: entry.apiCategory ?? 'default',
  }
  // WeChat leaves these out rather than sending them empty when the launch has none.
  if (entry.shareTicket !== undefined) options.shareTicket = entry.shareTicket
  if (entry.chatType !== undefined) options.chatType = entry.chatType
  return options
}
