import { GroupEnterError } from '../core/GroupEnterError'
import { keepSession, prepareSession, refusal, type Credentials, type PreparedSession } from '../core/session'
import { MAX_CREDENTIAL_LENGTH } from '../core/wire'
import type { GroupEnterPayload, GroupIdentity, GroupResolver, ResolvedGroup } from '../core/types'
import { delay } from './delay'
import { ivOfCode, openMemoryPayload, type SimulatedGroup } from './memoryWeChat'

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
  readonly calls: (GroupEnterPayload & Credentials & { allowSingleChat?: true })[]
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
  const calls: SimulatedResolver['calls'] = []
  /** Each session with the iv of the payloads its key opens (as the server keeps the session key). */
  const sessions = new Map<string, string | undefined>()
  let sessionsMade = 0
  let ticketsMade = 0

  const refused = (statusCode: number, code: string, message: string) => ({
    statusCode,
    data: { error: { code, message } },
  })

  /** What @opengid/server answers: a refusal, or the room with a ticket and the session. */
  function answer(payload: GroupEnterPayload, credentials: Credentials, allowSingleChat?: boolean) {
    const { fail } = options
    if (fail) return refused(fail.status, fail.code ?? 'SIMULATED', fail.message ?? `Simulated HTTP ${fail.status}.`)
    const { session } = credentials
    if (session !== undefined && session.length > MAX_CREDENTIAL_LENGTH) {
      return refused(400, 'BAD_INPUT', 'session must be the non-empty string an earlier answer gave')
    }
    // The key this request can decrypt with: its session's, or the one its code stands for.
    const key = session === undefined ? ivOfCode(credentials.code) : sessions.get(session)
    const data = openMemoryPayload(payload)
    if (!data) throw new GroupEnterError('RESOLVER', 'This payload was not made by the simulated WeChat.')
    // A single chat the request did not allow is unreadable data too, as @opengid/server answers it.
    const room = key === undefined || key === payload.iv ? roomOf(data, allowSingleChat) : undefined
    if (session !== undefined && (!sessions.has(session) || !room)) {
      // A key that no longer decrypts ends the session, as @opengid/server's does.
      sessions.delete(session)
      return refused(401, 'SESSION_EXPIRED', 'Unknown session: log in again.')
    }
    if (!room) return refused(400, 'DECRYPT', 'The group data does not decrypt with this login.')
    const kept = session ?? `simulated-session-${++sessionsMade}`
    sessions.set(kept, key)
    const ticketExpiresAt = Date.now() + (options.ticketTtlSeconds ?? 7200) * 1000
    const ticket = `simulated-ticket.${room.roomId}.${++ticketsMade}`
    return { statusCode: 200, data: { ...room, ticket, ticketExpiresAt, session: kept } }
  }

  return {
    calls,
    update(next) {
      options = { ...options, ...next }
    },
    forgetSessions: () => sessions.clear(),
    prepare: ({ bridge }) => prepareSession(bridge),
    async resolve(payload, { prepared, allowSingleChat }) {
      calls.push({ ...payload, ...prepared.credentials, ...(allowSingleChat && { allowSingleChat }) })
      await delay(options.latency)
      const response = answer(payload, prepared.credentials, allowSingleChat)
      if (response.statusCode !== 200) throw refusal('simulated resolver', response, prepared)
      keepSession(prepared, response.data)
      return response.data as ResolvedGroup
    },
  }
}

/** The room @opengid/server reads from sealed data: a group, or a single chat when the request allows one. */
function roomOf(data: SimulatedGroup, allowSingleChat?: boolean): GroupIdentity | undefined {
  const { opengid, openSingleRoomid, ...rest } = data
  if (opengid) return Object.assign({ roomType: 'group' as const, roomId: opengid, opengid }, rest)
  if (openSingleRoomid && allowSingleChat) {
    return Object.assign({ roomType: 'single' as const, roomId: openSingleRoomid, openSingleRoomid }, rest)
  }
  return undefined
}
