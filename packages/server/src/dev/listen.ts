import type { AddressInfo } from 'node:net'
import type { Server } from 'node:http'

export interface Listening {
  url: string
  port: number
}

/** Starts listening; port 0 picks a free port. The URL is one this process can call itself on. */
export function listen(server: Server, port: number, host: string): Promise<Listening> {
  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, host, () => {
      server.off('error', reject)
      const actual = (server.address() as AddressInfo).port
      resolve({ url: `http://${reachableHost(host)}:${actual}`, port: actual })
    })
  })
}

/** Stops listening and ends kept-alive connections, so callers (and jest) are not held open. */
export function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve())
    server.closeAllConnections()
  })
}

function reachableHost(host: string): string {
  if (host === '0.0.0.0' || host === '::') return '127.0.0.1'
  return host.includes(':') ? `[${host}]` : host
}
