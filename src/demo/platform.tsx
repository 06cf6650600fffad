import { httpResolver, taroBridge } from '@opengid/taro'

/**
 * weapp (and any host with the real APIs): Taro's bridge and your server. The
 * resolver URL is fixed at build time from OPENGID_RESOLVER_URL (see README).
 * Taro picks `platform.h5.tsx` instead for the H5 build (both must share the
 * extension: Taro tries `.h5.ts` then `.ts` before any `.tsx`).
 */
export const bridge = taroBridge()
export const resolver = httpResolver({ url: OPENGID_RESOLVER_URL })
/** The demo's own API (group check-ins) is served beside the resolver: `<origin>/api`. */
export const apiBase = OPENGID_RESOLVER_URL.replace(/\/opengid$/, '')

export function ScenarioLinks() {
  return null
}
