import type { EnterOptions } from '@opengid/taro'
import {
  createSimulatedBridge,
  createSimulatedResolver,
  type SimulatedBridge,
  type SimulatedResolver,
} from '@opengid/taro/testing'

export const OPENGID = 'G_BENCH'

/** The WeChat client and the server one scenario talks to; both count every call. */
export interface Env {
  bridge: SimulatedBridge
  resolver: SimulatedResolver
}

export function createEnv(): Env {
  return { bridge: createSimulatedBridge({ opengid: OPENGID }), resolver: createSimulatedResolver() }
}

/**
 * Taro.getEnterOptionsSync() as hand-written code calls it. The simulated
 * client answers it, as it answers the kit's bridge: the baselines and the kit
 * read one and the same launch, and reading it is synchronous and counts as no call.
 */
export function getEnterOptionsSync({ bridge }: Env): EnterOptions {
  return bridge.getEnterOptions() ?? {}
}

/**
 * What both baselines do to get the opengid, in the order the platform needs:
 * log in, then fetch the group data, then ask the server. Logging in goes
 * through the resolver's own `prepare`, as it does for the kit: the server
 * decides what proof of the user it wants, and every approach sends the same.
 */
export async function fetchOpenGid({ bridge, resolver }: Env): Promise<string> {
  const signal = new AbortController().signal
  // GroupResolver makes prepare optional; the simulated resolver always has one.
  const prepared = await resolver.prepare!({ bridge, signal })
  const payload = await bridge.getGroupEnterInfo({})
  return (await resolver.resolve(payload, { prepared, signal })).opengid as string
}
