import type { DevServer, FakeGroup } from '@opengid/server/dev'
import { API_PATH } from './protocol'

const GROUP: FakeGroup = { opengid: 'G_LOAD' }
/** Sessions the warm bodies take turns with: each is reused, as a real install's session is, launch after launch. */
const WARM_SESSIONS = 1_000

/**
 * One user per body: a login rotates that user's session key, which would make
 * an earlier body of the same user undecryptable.
 */
export function coldBodies(server: DevServer, count: number, users = 'cold'): string[] {
  return Array.from({ length: count }, (_, i) => JSON.stringify(server.fake.clientRequest(`${users}-${i}`, GROUP)))
}

/**
 * Bodies of second launches: each user's session comes from one cold request to
 * the server itself, so it is in the store the handler reads, however the store
 * keeps it. Every body is encrypted anew, as each launch's group data is.
 */
export async function warmBodies(server: DevServer, count: number, users = 'warm'): Promise<string[]> {
  const sessions: string[] = []
  for (let i = 0; i < WARM_SESSIONS; i++) {
    const response = await fetch(`${server.url}${API_PATH}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(server.fake.clientRequest(`${users}-${i}`, GROUP)),
    })
    const answer = (await response.json()) as { session?: string }
    if (!response.ok || !answer.session)
      throw new Error(`a cold request for a session answered HTTP ${response.status}`)
    sessions.push(answer.session)
  }
  return Array.from({ length: count }, (_, i) => {
    const user = i % WARM_SESSIONS
    return JSON.stringify(server.fake.sessionRequest(`${users}-${user}`, sessions[user], GROUP))
  })
}
