import { bodyLimits, type BodyLimits } from '../http/requestBody'
import { readPublicKeys, readSigningKey, type TicketPublicJwk } from '../ticket/ticketKeyPair'
import { ticketKeys } from '../ticket/ticketSecrets'
import { checkedEndpoint } from '../wechat/wechatEndpoint'
import { ConfigError, type RawSettings } from './settings'

/** The service's settings, checked: nothing in here fails later. */
export interface ServiceConfig {
  appId: string
  secret: string
  /** Exactly one of the two signs tickets. */
  ticketKey?: string
  ticketSecret?: string
  /** What GET /.well-known/jwks.json serves: the signing key's public half, then the old keys. */
  jwks: TicketPublicJwk[]
  /** Absent: the memory store. */
  redis?: RedisTarget
  endpoint: string
  ticketTtlSeconds?: number
  bodyLimits: BodyLimits
  shutdownTimeoutMs: number
  host: string
  port: number
}

/** One Redis, or the seed nodes of a Redis Cluster (the client finds the rest). */
export type RedisTarget = { url: string } | { clusterNodes: string[] }

/**
 * A real body is about 1 KiB (a little more with a cloudID): a lower limit would refuse
 * real clients, a higher one only lets an attacker make the service buffer more.
 */
const MIN_BODY_LIMIT_BYTES = 2048
const MAX_BODY_LIMIT_BYTES = 1024 * 1024

/**
 * Checks every setting before anything listens. A ConfigError names the variable and
 * what it needs; it never quotes a value (the library's own messages do not either).
 */
export async function checkConfig(raw: RawSettings): Promise<ServiceConfig> {
  const appId = required(raw, 'OPENGID_APP_ID', "your Mini Program's appId")
  const secret = required(raw, 'OPENGID_APP_SECRET', "your Mini Program's AppSecret")
  const { OPENGID_TICKET_KEY: ticketKey, OPENGID_TICKET_SECRET: ticketSecret } = raw
  if (ticketKey === undefined && ticketSecret === undefined) {
    throw new ConfigError(
      'OPENGID_TICKET_KEY',
      'one of OPENGID_TICKET_KEY (a private key: opengid-server keys) or OPENGID_TICKET_SECRET is required',
    )
  }
  if (ticketKey !== undefined && ticketSecret !== undefined) {
    throw new ConfigError('OPENGID_TICKET_SECRET', 'give OPENGID_TICKET_KEY or OPENGID_TICKET_SECRET, not both')
  }
  const jwks: TicketPublicJwk[] = []
  if (ticketSecret !== undefined) {
    checked('OPENGID_TICKET_SECRET', () => ticketKeys({ ticketSecret }))
    if (ticketSecret === secret) {
      throw new ConfigError('OPENGID_TICKET_SECRET', 'must not be the AppSecret: generate one of its own')
    }
    if (raw.OPENGID_TICKET_OLD_KEYS !== undefined) {
      throw new ConfigError('OPENGID_TICKET_OLD_KEYS', 'public keys verify tickets of OPENGID_TICKET_KEY only')
    }
  } else {
    jwks.push((await checkedAsync('OPENGID_TICKET_KEY', () => readSigningKey(ticketKey!, 'the key'))).publicJwk)
  }
  const oldKeys = raw.OPENGID_TICKET_OLD_KEYS
  if (oldKeys !== undefined) {
    const old = await checkedAsync('OPENGID_TICKET_OLD_KEYS', () => readPublicKeys(oldKeys, 'the value'))
    jwks.push(...old.filter((key) => !jwks.some((known) => known.kid === key.kid)))
  }
  return {
    appId,
    secret,
    ticketKey,
    ticketSecret,
    jwks,
    redis: redisTarget(raw.OPENGID_REDIS_URL, raw.OPENGID_REDIS_CLUSTER_NODES),
    endpoint: checked('OPENGID_WECHAT_ENDPOINT', () => checkedEndpoint(raw.OPENGID_WECHAT_ENDPOINT)),
    ticketTtlSeconds: whole(raw, 'OPENGID_TICKET_TTL_SECONDS', 1),
    bodyLimits: bodyLimits({
      maxBodyBytes: whole(raw, 'OPENGID_BODY_LIMIT_BYTES', MIN_BODY_LIMIT_BYTES, MAX_BODY_LIMIT_BYTES),
      bodyTimeoutMs: whole(raw, 'OPENGID_BODY_TIMEOUT_MS', 1),
    }),
    shutdownTimeoutMs: whole(raw, 'OPENGID_SHUTDOWN_TIMEOUT_MS', 0) ?? 10_000,
    host: raw.HOST ?? '0.0.0.0',
    port: whole(raw, 'PORT', 0, 65_535) ?? 8080,
  }
}

function required(raw: RawSettings, name: 'OPENGID_APP_ID' | 'OPENGID_APP_SECRET', what: string): string {
  const value = raw[name]
  if (value === undefined) throw new ConfigError(name, `required: ${what}`)
  return value
}

function whole(raw: RawSettings, name: keyof RawSettings, min: number, max = Number.MAX_SAFE_INTEGER) {
  const text = raw[name]
  if (text === undefined) return undefined
  const value = Number(text)
  if (!/^\d+$/.test(text) || value < min || value > max) {
    throw new ConfigError(name, `must be a whole number from ${min} to ${max}`)
  }
  return value
}

function redisTarget(url: string | undefined, clusterNodes: string | undefined): RedisTarget | undefined {
  if (url !== undefined && clusterNodes !== undefined) {
    throw new ConfigError(
      'OPENGID_REDIS_CLUSTER_NODES',
      'give OPENGID_REDIS_URL (one Redis) or OPENGID_REDIS_CLUSTER_NODES (a cluster), not both',
    )
  }
  if (url !== undefined) return { url: redisUrl('OPENGID_REDIS_URL', url) }
  if (clusterNodes === undefined) return undefined
  const nodes = clusterNodes
    .split(',')
    .map((node) => node.trim())
    .filter((node) => node !== '')
  if (nodes.length === 0) {
    throw new ConfigError('OPENGID_REDIS_CLUSTER_NODES', 'must list redis://host:port URLs, separated by commas')
  }
  return { clusterNodes: nodes.map((node) => redisUrl('OPENGID_REDIS_CLUSTER_NODES', node)) }
}

/** Kept whole (its password is used, never printed); only its form is checked. */
function redisUrl(name: 'OPENGID_REDIS_URL' | 'OPENGID_REDIS_CLUSTER_NODES', text: string): string {
  let protocol: string
  try {
    protocol = new URL(text).protocol
  } catch {
    throw new ConfigError(name, 'must be a URL like redis://host:6379')
  }
  if (protocol !== 'redis:' && protocol !== 'rediss:')
    throw new ConfigError(name, 'must start with redis:// or rediss://')
  return text
}

/** The library's TypeError (whose message never quotes a value) as the variable's ConfigError. */
function checked<T>(name: string, check: () => T): T {
  try {
    return check()
  } catch (error) {
    if (error instanceof TypeError) throw new ConfigError(name, error.message)
    throw error
  }
}

async function checkedAsync<T>(name: string, check: () => Promise<T>): Promise<T> {
  try {
    return await check()
  } catch (error) {
    if (error instanceof TypeError) throw new ConfigError(name, error.message)
    throw error
  }
}
