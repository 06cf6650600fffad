import { checkPolicy } from './watermark'

interface WeChatOptions {
  appId?: unknown
  secret?: unknown
  timeoutMs?: unknown
}

/** The checks every factory that calls WeChat with the app's credentials shares. */
export function checkWeChatOptions({ appId, secret, timeoutMs }: WeChatOptions): void {
  if (typeof appId !== 'string' || appId === '') throw new TypeError('appId must be a non-empty string')
  if (typeof secret !== 'string' || secret === '') throw new TypeError('secret must be a non-empty string')
  if (timeoutMs !== undefined && !(isFiniteAtLeast(timeoutMs, 0) && timeoutMs > 0)) {
    throw new TypeError('timeoutMs must be a finite number > 0')
  }
}

/** The checks of createGroupResolver's own options; ticket and store options are checked where they are used. */
export function checkResolverOptions(
  options: WeChatOptions & { ticketSecret?: unknown; ticketSecrets?: unknown; maxAgeSeconds?: unknown },
): void {
  checkWeChatOptions(options)
  const { secret, ticketSecret, ticketSecrets, maxAgeSeconds } = options
  // Both would leak together; and whoever holds the AppSecret could then sign tickets.
  if (ticketSecret === secret || (Array.isArray(ticketSecrets) && ticketSecrets.includes(secret))) {
    throw new TypeError('a ticket secret must not be the AppSecret: generate one of its own')
  }
  checkPolicy({ maxAgeSeconds: maxAgeSeconds as number | undefined })
}

export function isFiniteAtLeast(value: unknown, min: number): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= min
}
