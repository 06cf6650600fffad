import { fail, succeed, type Callbacks } from './callbacks'
import type { Entry } from './entry'
import { groupApi } from './wxGroup'
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
  // Bound to the room the chat tool runs in, they fail outside it (WeChat documents no
  // wording for that failure: this one is the host's); openChatTool is how one gets in.
  const inChatTool =
    <T extends Callbacks<object>>(api: string, run: (options: T, entry: Entry) => void) =>
    (options: T): void => {
      const { entry } = client.current()
      if (entry.apiCategory === 'chatTool') return run(options, entry)
      later(client, client.latency.bridge, () => fail(options, { errMsg: `${api}:fail not in chat tool mode` }))
    }
  const standIn = <T extends object>(api: string, result: (options: T, entry: Entry) => object = () => ({})) =>
    inChatTool<T & Callbacks<object>>(api, (options, entry) =>
      later(client, client.latency.bridge, () => succeed(options, { errMsg: `${api}:ok`, ...result(options, entry) })),
    )
  return {
    getChatToolInfo: inChatTool('getChatToolInfo', groupApi(client, 'getChatToolInfo')),
    openChatTool: (options: Callbacks<object>) =>
      later(client, client.latency.bridge, () => succeed(options, { errMsg: 'openChatTool:ok' })),
    // As if the user picked the entry's members (up to maxSelectCount, when one is set).
    selectGroupMembers: standIn('selectGroupMembers', ({ maxSelectCount }: SelectOptions, { members = [] }) => ({
      members: maxSelectCount && maxSelectCount > 0 ? members.slice(0, maxSelectCount) : [...members],
    })),
    notifyGroupMembers: standIn('notifyGroupMembers'),
    shareAppMessageToGroup: standIn('shareAppMessageToGroup'),
  }
}
