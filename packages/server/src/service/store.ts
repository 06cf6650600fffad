import { Redis } from 'ioredis'
import { memorySessionStore } from '../sessions/memorySessionStore'
import { redisSessionStore } from '../sessions/redisSessionStore'
import type { SessionStore } from '../sessions/sessionStore'
import { errorSummary, type Logger } from './log'

/** The session store of the service and what operations need of it. */
export interface ServiceStore {
  sessions: SessionStore
  /** Whether the store answers now (GET /readyz). */
  ready(): Promise<boolean>
  close(): Promise<void>
}

const PING_TIMEOUT_MS = 1000

/**
 * Redis when a URL is given, else the memory store (said in the log: sessions then
 * live in this one process). Only the bin loads ioredis: the library never imports this folder.
 */
export async function openStore(redisUrl: string | undefined, log: Logger): Promise<ServiceStore> {
  if (redisUrl === undefined) {
    log.warn("sessions: in this process's memory (no OPENGID_REDIS_URL): one instance only, lost on restart")
    return { sessions: memorySessionStore(), ready: async () => true, close: async () => undefined }
  }
  // No offline queue: while Redis is down a command fails at once (503 SESSIONS_UNAVAILABLE)
  // instead of waiting; ioredis reconnects on its own, so the service recovers by itself.
  const client = new Redis(redisUrl, { enableOfflineQueue: false, maxRetriesPerRequest: 1, connectTimeout: 5000 })
  watchConnection(client, log)
  log.info('sessions: in Redis, shared by every instance that uses it')
  return {
    sessions: redisSessionStore(client),
    ready: () => answersPing(() => client.ping()),
    close: async () => {
      // Leaving is not an outage: no "unreachable" line on the way out.
      client.removeAllListeners('close')
      await client.quit().catch(() => client.disconnect())
    },
  }
}

/** One line when Redis goes away and one when it is back, not one per reconnect attempt. */
function watchConnection(client: Redis, log: Logger): void {
  let down = false
  const lost = (error?: unknown) => {
    if (down) return
    down = true
    log.warn(error === undefined ? {} : { err: errorSummary(error) }, 'sessions: Redis unreachable, reconnecting')
  }
  // A refused connection is an 'error'; a Redis that shuts down cleanly only closes.
  client.on('error', lost)
  client.on('close', () => lost())
  client.on('ready', () => {
    if (down) log.info('sessions: Redis reachable again')
    down = false
  })
}

async function answersPing(ping: () => Promise<unknown>): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined
  const late = new Promise<boolean>((resolve) => (timer = setTimeout(resolve, PING_TIMEOUT_MS, false)))
  try {
    return await Promise.race([
      ping().then(
        () => true,
        () => false,
      ),
      late,
    ])
  } finally {
    clearTimeout(timer)
  }
}
