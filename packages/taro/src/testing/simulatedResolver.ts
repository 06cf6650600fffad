import { GroupEnterError } from '../GroupEnterError'
import { httpStatusError } from '../resolvers/httpResolver'
import type { GroupEnterPayload, GroupResolver } from '../types'
import { delay } from './delay'
import { openMemoryPayload } from './memoryWeChat'

export interface SimulatedResolverOptions {
  /** Milliseconds the "server" takes. */
  latency?: number
  /** Answer like a failing server: `{ status: 500 }`, or with its error body code. */
  fail?: { status: number; code?: string; message?: string }
}

export interface SimulatedResolver extends GroupResolver<{ code: string }> {
  /** Every payload it was asked to resolve, with the login code sent along. */
  readonly calls: (GroupEnterPayload & { code: string })[]
  update(next: SimulatedResolverOptions): void
}

/** Pairs with `createSimulatedBridge`: logs in first, then reads the group out of the simulated payload. */
export function createSimulatedResolver(initial: SimulatedResolverOptions = {}): SimulatedResolver {
  let options = initial
  const calls: (GroupEnterPayload & { code: string })[] = []
  return {
    calls,
    update(next) {
      options = { ...options, ...next }
    },
    prepare: ({ bridge }) => bridge.login(),
    async resolve(payload, { prepared }) {
      calls.push({ ...payload, code: prepared.code })
      await delay(options.latency)
      const { fail } = options
      if (fail) {
        throw httpStatusError('simulated resolver', {
          statusCode: fail.status,
          data: {
            error: { code: fail.code ?? 'SIMULATED', message: fail.message ?? `Simulated HTTP ${fail.status}.` },
          },
        })
      }
      const group = openMemoryPayload(payload)
      if (!group) throw new GroupEnterError('RESOLVER', 'This payload was not made by the simulated WeChat.')
      return group
    },
  }
}
