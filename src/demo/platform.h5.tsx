import { httpResolver } from '@opengid/taro'
import { createSimulatedBridge } from '@opengid/taro/testing'
import { devServerWeChat } from './devServerWeChat'
import { SCENARIOS, scenarioFromQuery } from './scenario'

// A browser has no WeChat: a simulated client plays one, backed by the dev server's
// fake WeChat, and the real resolver endpoint decrypts. One user per page load.
const user = `h5-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`

export const bridge = createSimulatedBridge({
  ...scenarioFromQuery(window.location.search),
  wechat: devServerWeChat(user),
})
export const resolver = httpResolver({ url: '/api/opengid' })

export function ScenarioLinks() {
  return (
    <nav className='scenarios'>
      <h2>Try another launch</h2>
      <ul>
        {SCENARIOS.map((s) => (
          <li key={s.query}>
            <a href={`/${s.query}`}>{s.label}</a>
          </li>
        ))}
      </ul>
    </nav>
  )
}
