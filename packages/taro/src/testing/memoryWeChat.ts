import type { ChatType, GroupEnterSource } from '../core/types'

/** The chat a simulated client was opened from, as WeChat seals it: a group's opengid or a single chat's id. */
export interface SimulatedGroup {
  opengid?: string
  openSingleRoomid?: string
  chatType?: ChatType
  groupOpenid?: string
}

/** The WeChat side a simulated client talks to: who logs in, and how group data is sealed. */
export interface SimulatedWeChat {
  login(): Promise<string>
  /** WeChat's session expired: data is sealed with a key no earlier login gave, until the next login. */
  expire?(): void
  encrypt(
    group: SimulatedGroup,
    source: GroupEnterSource,
  ): Promise<{ encryptedData: string; iv: string; cloudID?: string }>
}

/** The user's id in a chat when the test names none: inside the chat tool WeChat always gives one. */
export const SIMULATED_GROUP_OPENID = 'GOP_SIMULATED'

/** Marks payloads sealed by `memoryWeChat` so the simulated resolver can tell them from real ones. */
const PREFIX = 'opengid-simulated:'

/** The key a payload was sealed with, named in its iv; the key a login's code stands for. */
const keyIv = (key: number | string) => `simulated-key-${key}`
const CODE = /^simulated-code-(\d+)$/

/**
 * A WeChat without cryptography, for component tests: the payload is the group
 * itself, URI-encoded. Use `@opengid/server/dev` when the real encryption matters.
 * Keys are played, though: every login rotates the user's key (WeChat may), the iv
 * names the key a payload was sealed with, and the simulated resolver refuses a
 * payload its session's key would not open, as a real server's decryption would.
 */
export function memoryWeChat(): SimulatedWeChat {
  let logins = 0
  let key: number | string = 0
  return {
    login: async () => {
      key = ++logins
      return `simulated-code-${logins}`
    },
    expire: () => {
      key = `expired-${logins}`
    },
    encrypt: async (group, source) => {
      const sealed =
        source === 'getChatToolInfo' && !group.groupOpenid ? { ...group, groupOpenid: SIMULATED_GROUP_OPENID } : group
      return { encryptedData: PREFIX + encodeURIComponent(JSON.stringify(sealed)), iv: keyIv(key) }
    },
  }
}

/** The iv of payloads a `memoryWeChat` login's code can open; undefined for any other code. */
export function ivOfCode(code: string): string | undefined {
  const login = CODE.exec(code)
  return login ? keyIv(login[1]) : undefined
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
