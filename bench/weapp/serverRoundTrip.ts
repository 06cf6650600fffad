import { performance } from 'node:perf_hooks'
import { OPENGID, type BenchServer } from './launch'

/**
 * The resolver request of a launch sent straight from Node with fetch, timed
 * from send to the whole answer: the server's and HTTP's share of a launch,
 * so that what remains of it is the kit's (and Taro's) own.
 */
export async function serverRoundTrip(server: BenchServer, user: string): Promise<number> {
  const body = JSON.stringify(server.fake.clientRequest(user, { opengid: OPENGID }))
  const start = performance.now()
  const response = await fetch(`${server.url}/api/opengid`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
  })
  await response.text()
  const elapsed = performance.now() - start
  if (!response.ok) throw new Error(`the direct resolver request answered HTTP ${response.status}`)
  return elapsed
}
