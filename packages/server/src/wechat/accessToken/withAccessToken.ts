import { WeChatApiError } from '../WeChatApiError'
import type { AccessTokenCache } from './accessTokenCache'

/** WeChat's answers that the token itself is no good: invalid or not the latest (40001), expired (42001). */
const TOKEN_REFUSED = [40001, 42001]

/**
 * Runs `call` with the cache's token. When WeChat refuses the token, the cache
 * drops it and `call` runs once more with a fresh one; a second refusal is
 * thrown (and that token dropped too, so the next call starts afresh).
 */
export async function withAccessToken<T>(tokens: AccessTokenCache, call: (token: string) => Promise<T>): Promise<T> {
  checkCache(tokens)
  for (let attempt = 1; ; attempt++) {
    const token = await tokens.get()
    try {
      return await call(token)
    } catch (error) {
      if (!(error instanceof WeChatApiError && TOKEN_REFUSED.includes(error.errcode))) throw error
      await tokens.invalidate(token)
      if (attempt === 2) throw error
    }
  }
}

function checkCache(tokens: unknown): void {
  const cache = tokens as Partial<Record<keyof AccessTokenCache, unknown>> | null
  if (
    typeof cache !== 'object' ||
    cache === null ||
    typeof cache.get !== 'function' ||
    typeof cache.invalidate !== 'function' ||
    typeof cache.transport !== 'object'
  ) {
    throw new TypeError('tokens must be an access token cache (createAccessTokenCache)')
  }
}
