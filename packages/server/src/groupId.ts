/**
 * The shape of every id WeChat issues for a chat (opengid, group_openid,
 * open_single_roomid), and the only shape the kit passes on: decrypted data
 * holding anything else was altered, and the client checks the same pattern.
 */
export const GROUP_ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/

export function isGroupId(value: unknown): value is string {
  return typeof value === 'string' && GROUP_ID_PATTERN.test(value)
}
