import { setTimeout as delay } from 'node:timers/promises'

const NETWORK = new Set(['TCPSocketWrap', 'TCPServerWrap', 'TCPWRAP'])
const openSockets = () => process.getActiveResourcesInfo().filter((name) => NETWORK.has(name)).length

/**
 * How many sockets and servers are open now, and a check that a run left no more
 * behind: a Redis client or a request the kit forgot would keep the process alive.
 * Closed sockets leave the list on a later tick, so the check waits a little.
 */
export function socketsNow(): { expectNoneLeft(): Promise<void> } {
  const before = openSockets()
  return {
    async expectNoneLeft() {
      for (let tries = 0; tries < 40 && openSockets() > before; tries++) await delay(50)
      expect(openSockets()).toBeLessThanOrEqual(before)
    },
  }
}
