import { fail, succeed, type Callbacks } from './callbacks'
import type { Entry } from './entry'
import { groupApi, notInChatTool } from './wxGroup'
import { later, type WxApi, type WxClient } from './wxClient'

interface SelectOptions {
  maxSelectCount?: number
}

/**
 * WeChat's chat tool APIs. getChatToolInfo is played in full (the fake encrypts
 * the room's data); the others are stand-ins that answer success and do nothing
 * else: no picker, no message into the chat, no navigation. The call log is how a
 * test sees them.
 */
export function chatToolApis(client: WxClient): WxApi {
  // Those bound to the room the chat tool runs in fail outside it; openChatTool is how one gets in.
  const inRoom =
    <T extends object>(api: string, result: (options: T, entry: Entry) => object = () => ({})) =>
    (options: T & Callbacks<object>) => {
      const { entry } = client.current()
      later(client, client.latency.bridge, () =>
        entry.apiCategory === 'chatTool'
          ? succeed(options, { errMsg: `${api}:ok`, ...result(options, entry) })
          : fail(options, notInChatTool(api)),
      )
    }
  return {
    getChatToolInfo: groupApi(client, 'getChatToolInfo'),
    openChatTool: (options: Callbacks<object>) =>
      later(client, client.latency.bridge, () => succeed(options, { errMsg: 'openChatTool:ok' })),
    // As if the user picked the entry's members (up to maxSelectCount, when one is set).
    selectGroupMembers: inRoom('selectGroupMembers', ({ maxSelectCount }: SelectOptions, { members = [] }) => ({
      members: maxSelectCount && maxSelectCount > 0 ? members.slice(0, maxSelectCount) : [...members],
    })),
    notifyGroupMembers: inRoom('notifyGroupMembers'),
    shareAppMessageToGroup: inRoom('shareAppMessageToGroup'),
  }
}
