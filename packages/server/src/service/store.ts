import { Cluster, Redis, type RedisOptions } from 'ioredis'
import { memorySessionStore } from '../sessions/memorySessionStore'
import { redisSessionStore } from '../sessions/redisSessionStore'
import type { SessionStore } from '../sessions/sessionStore'
import type { RedisTarget } from './config'
import { errorSummary, type Logger } from './log'

/** The session store of the service and what operations need of it. */
export interface ServiceStore {
  sessions: SessionStore
  /** Whether the store answers now (GET /readyz). */
  ready(): Promise<boolean>
  close(): Promise<void>
}

const PING_TIMEOUT_MS = 1000

// No offline queue: while Redis is down a command fails at once (503 SESSIONS_UNAVAILABLE)
// instead of waiting; ioredis reconnects on its own, so the service recovers by itself.
const CLIENT_OPTIONS: RedisOptions = { enableOfflineQueue: false, maxRetriesPerRequest: 1, connectTimeout: 5000 }

/**
 * Redis or a Redis Cluster when one is given, else the memory store (said in the log:
 * sessions then live in this one process). Only the bin loads ioredis: the library never
 * imports this folder.
 */
export async function openStore(redis: RedisTarget | undefined, log: Logger): Promise<ServiceStore> {
  if (redis === undefined) {
    log.warn(
      "sessions: in this process's memory (no OPENGID_REDIS_URL or OPENGID_REDIS_CLUSTER_NODES): one instance only, lost on restart",
    )
    return { sessions: memorySessionStore(), ready: async () => true, close: async () => undefined }
  }
  const client = 'url' in redis ? new Redis(redis.url, CLIENT_OPTIONS) : clusterClient(redis.clusterNodes)
  watchConnection(client, log)
  log.info(
    client instanceof Cluster
      ? 'sessions: in Redis Cluster, shared by every instance that uses it'
      : 'sessions: in Redis, shared by every instance that uses it',
  )
  return {
    // Every command of the store names one key, so one slot: a cluster routes it whole.
    sessions: redisSessionStore(client),
    ready: () => answersPing(() => (client instanceof Cluster ? pingMasters(client) : client.ping())),
    close: async () => {
      // Leaving is not an outage: no "unreachable" line on the way out.
      client.removeAllListeners('close')
      await client.quit().catch(() => client.disconnect())
    },
  }
}

/**
 * The seed nodes' addresses; the credentials and TLS of the first URL are used for every
 * node, those the client finds as well (a cluster has one password).
 */
function clusterClient(urls: string[]): Cluster {
  const parsed = urls.map((url) => new URL(url))
  const { username, password, protocol } = parsed[0]
  return new Cluster(
    parsed.map(({ hostname, port }) => ({ host: hostname, port: port === '' ? 6379 : Number(port) })),
    {
      enableOfflineQueue: false,
      redisOptions: {
        ...CLIENT_OPTIONS,
        username: username === '' ? undefined : decodeURIComponent(username),
        password: password === '' ? undefined : decodeURIComponent(password),
        tls: protocol === 'rediss:' ? {} : undefined,
      },
    },
  )
}

const CLUSTER_SLOTS = 16_384

/**
 * Ready when the master of every slot answers: any session id may hash to any slot. The
 * masters come from the slot map, not from the client's connections: ioredis drops the
 * connection of a master that went away, and the rest would still all answer.
 */
async function pingMasters(cluster: Cluster): Promise<void> {
  if (cluster.status !== 'ready') throw new Error('the cluster is not connected')
  const owners = new Set<string>()
  for (let slot = 0; slot < CLUSTER_SLOTS; slot++) {
    const owner = cluster.slots[slot]?.[0]
    if (owner === undefined) throw new Error('a slot has no master')
    owners.add(owner)
  }
  const connected = new Map(cluster.nodes('master').map((node) => [`${node.options.host}:${node.options.port}`, node]))
  await Promise.all(
    [...owners].map(async (owner) => {
      const master = connected.get(owner)
      if (master === undefined) throw new Error('a master is not connected')
      await master.ping()
    }),
  )
}

/** One line when Redis goes away and one when it is back, not one per reconnect attempt. */
function watchConnection(client: Redis | Cluster, log: Logger): void {
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
