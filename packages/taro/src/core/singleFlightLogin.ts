import type { GroupBridge } from './types'

/**
 * The bridge with one login in flight at most: a login started while another is
 * running joins it. A superseded entry's login is then not wasted either: the entry
 * that replaced it is the only one left to use its code. The code is one-use, so a
 * finished login is never handed out twice.
 */
export function singleFlightLogin(bridge: GroupBridge): GroupBridge {
  let inFlight: Promise<{ code: string }> | undefined
  const login = () => {
    if (!inFlight) {
      const started = bridge.login()
      inFlight = started
      const done = () => {
        if (inFlight === started) inFlight = undefined
      }
      started.then(done, done)
    }
    return inFlight
  }
  return Object.assign(Object.create(bridge) as GroupBridge, { login })
}
