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

export function isFiniteAtLeast(value: unknown, min: number): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= min
}
