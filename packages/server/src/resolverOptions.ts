import { ENDPOINT_ENV, wechatEndpoint } from './code2Session'

/** The checks of createGroupResolver's own options; ticket and store options are checked where they are used. */
export function checkResolverOptions(options: {
  appId?: unknown
  secret?: unknown
  ticketSecret?: unknown
  ticketSecrets?: unknown
  maxAgeSeconds?: unknown
  timeoutMs?: unknown
}): void {
  const { appId, secret, ticketSecret, ticketSecrets, maxAgeSeconds, timeoutMs } = options
  if (typeof appId !== 'string' || appId === '') throw new TypeError('appId must be a non-empty string')
  if (typeof secret !== 'string' || secret === '') throw new TypeError('secret must be a non-empty string')
  // Both would leak together; and whoever holds the AppSecret could then sign tickets.
  if (ticketSecret === secret || (Array.isArray(ticketSecrets) && ticketSecrets.includes(secret))) {
    throw new TypeError('a ticket secret must not be the AppSecret: generate one of its own')
  }
  if (maxAgeSeconds !== undefined && !isFiniteAtLeast(maxAgeSeconds, 0)) {
    throw new TypeError('maxAgeSeconds must be a finite number >= 0')
  }
  if (timeoutMs !== undefined && !(isFiniteAtLeast(timeoutMs, 0) && timeoutMs > 0)) {
    throw new TypeError('timeoutMs must be a finite number > 0')
  }
}

function isFiniteAtLeast(value: unknown, min: number): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= min
}

/** Resolved once, so a mistyped option or environment variable fails at start-up, not on each request. */
export function checkedEndpoint(option: string | undefined): string {
  const endpoint = wechatEndpoint(option)
  let protocol: string | undefined
  try {
    protocol = new URL(endpoint).protocol
  } catch {
    protocol = undefined
  }
  if (protocol !== 'https:' && protocol !== 'http:') {
    const source = option === undefined ? `the ${ENDPOINT_ENV} environment variable` : 'endpoint'
    throw new TypeError(`${source} must be an http(s) URL such as https://api.weixin.qq.com`)
  }
  return endpoint
}
