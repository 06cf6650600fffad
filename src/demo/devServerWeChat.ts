import Taro from '@tarojs/taro'
import type { SimulatedWeChat } from '@opengid/taro/testing'

async function post<T>(path: string, data: Record<string, unknown>): Promise<T> {
  const response = await Taro.request<T>({
    url: path,
    method: 'POST',
    data,
    header: { 'content-type': 'application/json' },
  })
  if (response.statusCode !== 200) throw new Error(`${path} answered HTTP ${response.statusCode}`)
  return response.data
}

/**
 * The H5 demo's WeChat: the dev server's fake issues real login codes and encrypts the
 * group with this user's current key, so the page runs the real login (or warm
 * session) → getGroupEnterInfo → POST → decrypt flow.
 */
export function devServerWeChat(user: string): SimulatedWeChat {
  return {
    login: async () => (await post<{ code: string }>('/__wechat/login', { user })).code,
    encrypt: (group, source) => post('/__wechat/group-enter-info', { user, source, ...group }),
  }
}
