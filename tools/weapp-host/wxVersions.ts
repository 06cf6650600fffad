import type { WxApi } from './wxClient'

/**
 * The base library each API the host added for the chat tool needs (WeChat's docs).
 * On an older one WeChat's `wx` has no such member, which is what apps test for
 * (and what Taro copies into `Taro.*`), so the host leaves it out too. The host's
 * older APIs are there whatever `sdkVersion` says.
 */
const SINCE: Record<string, string> = {
  getApiCategory: '2.33.0',
  openChatTool: '3.7.8',
  getChatToolInfo: '3.7.8',
  selectGroupMembers: '3.7.8',
  notifyGroupMembers: '3.7.8',
  shareAppMessageToGroup: '3.7.8',
}

/** The APIs this base library has. */
export function availableIn(sdkVersion: string, api: WxApi): WxApi {
  return Object.fromEntries(
    Object.entries(api).filter(([name]) => SINCE[name] === undefined || atLeast(sdkVersion, SINCE[name])),
  )
}

// The host's own comparison, not the kit's: the host plays WeChat for the kit, and a kit bug must not hide here.
function atLeast(version: string, minimum: string): boolean {
  const have = version.split('.').map(Number)
  const need = minimum.split('.').map(Number)
  for (let i = 0; i < need.length; i++) {
    if ((have[i] ?? 0) !== need[i]) return (have[i] ?? 0) > need[i]
  }
  return true
}
