import type { GroupEnterSource, ResolvedGroup } from '../core/types'

/** The group a simulated client was opened from: what a resolver would answer. */
export type SimulatedGroup = ResolvedGroup

/** The WeChat side a simulated client talks to: who logs in, and how group data is sealed. */
export interface SimulatedWeChat {
  login(): Promise<string>
  /** wx.checkSession: is the key of this user's latest login still valid? Without it: never (no warm path). */
  checkSession?(): Promise<boolean>
  encrypt(
    group: SimulatedGroup,
    source: GroupEnterSource,
  ): Promise<{ encryptedData: string; iv: string; cloudID?: string }>
}

/** The user's id in a chat when the test names none: inside the chat tool WeChat always gives one. */
export const SIMULATED_GROUP_OPENID = 'GOP_SIMULATED'

/** Marks payloads sealed by `memoryWeChat` so the simulated resolver can tell them from real ones. */
const PREFIX = 'opengid-simulated:'

/**
 * A WeChat without cryptography, for component tests: the payload is the group
 * itself, URI-encoded. Use `@opengid/server/dev` when the real encryption matters.
 */
export function memoryWeChat(): SimulatedWeChat {
  let logins = 0
  return {
    login: async () => `simulated-code-${++logins}`,
    checkSession: async () => logins > 0,
    encrypt: async (group, source) => {
      const sealed =
        source === 'getChatToolInfo' && !group.groupOpenid ? { ...group, groupOpenid: SIMULATED_GROUP_OPENID } : group
      return { encryptedData: PREFIX + encodeURIComponent(JSON.stringify(sealed)), iv: 'simulated' }
    },
  }
}

/** The group inside a `memoryWeChat` payload, or undefined for anything else. */
export function openMemoryPayload(payload: { encryptedData: string; iv: string }): SimulatedGroup | undefined {
  if (payload.encryptedData.indexOf(PREFIX) !== 0) return undefined
  try {
    return JSON.parse(decodeURIComponent(payload.encryptedData.slice(PREFIX.length))) as SimulatedGroup
  } catch {
    return undefined
  }
}
