import { createHash } from 'node:crypto'

/** Stable for the same parts, so the fake's ids stay readable across restarts and tests can predict them. */
const stableId = (prefix: string, parts: string[]) =>
  `${prefix}${createHash('sha256').update(parts.join('\n')).digest('base64url').slice(0, 27)}`

/** Like a real openid: one per app and user. */
export const openidOf = (appId: string, user: string): string => stableId('o', [appId, user])

/** Like WeChat's group_openid: one per app, user and chat, so one user has a different id in every chat. */
export const groupOpenidOf = (appId: string, user: string, chat: string): string => stableId('g', [appId, user, chat])
