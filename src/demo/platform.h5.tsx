import Taro from '@tarojs/taro'
import { httpResolver, type BridgeStorage } from '@opengid/taro'
import { createSimulatedBridge } from '@opengid/taro/testing'
import { devServerWeChat } from './devServerWeChat'
import { SCENARIOS, scenarioFromQuery, userFromQuery } from './scenario'

// A browser has no WeChat: a simulated client plays one, backed by the dev server's
// fake WeChat, and the real resolver endpoint decrypts. The user comes from `?user=`
// (alice, bob, ...) or is this browser's own, kept across reloads.
const user = userFromQuery(window.location.search) ?? browserUser()

function browserUser(): string {
  const saved: unknown = Taro.getStorageSync('demo:user')
  if (typeof saved === 'string' && saved) return saved
  const made = `h5-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`
  Taro.setStorageSync('demo:user', made)
  return made
}

/** One phone per user: each simulated user keeps their own session id, as their own WeChat would. */
const userStorage: BridgeStorage = {
  get: (key) => (Taro.getStorageSync(`${user}:${key}`) as string) || undefined,
  set: (key, value) => Taro.setStorageSync(`${user}:${key}`, value),
  remove: (key) => Taro.removeStorageSync(`${user}:${key}`),
}

export const bridge = createSimulatedBridge({
  ...scenarioFromQuery(window.location.search),
  wechat: devServerWeChat(user),
  storage: userStorage,
})
export const resolver = httpResolver({ url: '/api/opengid' })
export const apiBase = '/api'

export function ScenarioLinks() {
  return (
    <nav className='scenarios'>
      <h2>Try another launch</h2>
      <ul>
        {SCENARIOS.map((s) => (
          <li key={s.query}>
            <a href={`${window.location.pathname}${s.query}`}>{s.label}</a>
          </li>
        ))}
      </ul>
    </nav>
  )
}
