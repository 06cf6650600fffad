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
 * What both baselines do to get the opengid, in the order the platform needs:
 * login (Taro.login), then the group data (Taro.getGroupEnterInfo), then the server.
 */
export async function fetchOpenGid({ bridge, resolver }: Env): Promise<string> {
  const signal = new AbortController().signal
  const prepared = await bridge.login()
  const payload = await bridge.getGroupEnterInfo({})
  return (await resolver.resolve(payload, { prepared, signal })).opengid
}
