import { GroupEnterError } from '../core/GroupEnterError'
import { httpStatusError } from '../core/serverError'
import {
  forgetExpiredSession,
  keepSession,
  prepareSession,
  type Credentials,
  type PreparedSession,
} from '../core/session'
import type { GroupEnterPayload, GroupResolver, ResolvedGroup } from '../core/types'
import { delay } from './delay'
import { openMemoryPayload } from './memoryWeChat'

export interface SimulatedResolverOptions {
  /** Milliseconds the "server" takes. */
  latency?: number
  /** Answer like a failing server: `{ status: 500 }`, or with its error body code. */
  fail?: { status: number; code?: string; message?: string }
  /** How long a simulated group ticket lives. Default 7200 s, as @opengid/server's. */
  ticketTtlSeconds?: number
}

export interface SimulatedResolver extends GroupResolver<PreparedSession> {
  /** Every payload it was asked to resolve, with the login code or session sent along. */
  readonly calls: (GroupEnterPayload & Credentials)[]
  update(next: SimulatedResolverOptions): void
  /** The server forgets every session (a restart without a shared store): warm requests get SESSION_EXPIRED. */
  forgetSessions(): void
}

/**
 * Pairs with `createSimulatedBridge` and plays `httpResolver` with its server: logs in
 * first (or uses the stored session while checkSession holds), keeps sessions, answers
 * with a ticket, and reads the group out of the simulated payload. The ticket is an
 * unsigned stand-in: only `@opengid/server` signs real ones.
 */
export function createSimulatedResolver(initial: SimulatedResolverOptions = {}): SimulatedResolver {
  let options = initial
  const calls: (GroupEnterPayload & Credentials)[] = []
  const sessions = new Set<string>()
  let sessionsMade = 0
  let ticketsMade = 0

  function answer(payload: GroupEnterPayload, credentials: Credentials): ResolvedGroup & { session: string } {
    const { fail } = options
    if (fail) {
      throw httpStatusError('simulated resolver', {
        statusCode: fail.status,
        data: { error: { code: fail.code ?? 'SIMULATED', message: fail.message ?? `Simulated HTTP ${fail.status}.` } },
      })
    }
    if (credentials.session !== undefined && !sessions.has(credentials.session)) {
      throw httpStatusError('simulated resolver', {
        statusCode: 401,
        data: { error: { code: 'SESSION_EXPIRED', message: 'Unknown session: log in again.' } },
      })
    }
    const group = openMemoryPayload(payload)
    if (!group) throw new GroupEnterError('RESOLVER', 'This payload was not made by the simulated WeChat.')
    const session = credentials.session ?? `simulated-session-${++sessionsMade}`
    sessions.add(session)
    const ticketExpiresAt = Date.now() + (options.ticketTtlSeconds ?? 7200) * 1000
    return { ...group, ticket: `simulated-ticket.${group.opengid}.${++ticketsMade}`, ticketExpiresAt, session }
  }

  return {
    calls,
    update(next) {
      options = { ...options, ...next }
    },
    forgetSessions: () => sessions.clear(),
    prepare: ({ bridge }) => prepareSession(bridge),
    async resolve(payload, { prepared }) {
      calls.push({ ...payload, ...prepared.credentials })
      await delay(options.latency)
      try {
        const answered = answer(payload, prepared.credentials)
        keepSession(prepared, answered)
        return answered
      } catch (error) {
        // answer() throws only GroupEnterErrors, as httpResolver's server answers do.
        forgetExpiredSession(prepared, error as GroupEnterError)
        throw error
      }
    },
  }
}
