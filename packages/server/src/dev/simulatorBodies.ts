import { badInput } from '../openData/OpenDataError'
import { bodyFields, optionalSource } from '../resolver/resolverRequestBody'
import { isChatType, type ChatType } from '../shared/wire'
import type { FakeGroup } from './groupPayload'

/** Reads `{ user }` for POST /__wechat/login. */
export function readUser(body: unknown): string {
  const { user } = bodyFields(body)
  if (typeof user !== 'string' || user === '') throw badInput('user must be a non-empty string')
  return user
}

/** Reads `{ user, opengid? | openSingleRoomid?, chatType?, source?, ... }` for POST /__wechat/group-enter-info. */
export function readGroupEnterInfoBody(body: unknown): { user: string; group: FakeGroup } {
  const user = readUser(body)
  const { opengid, chatType, source, groupOpenid, openSingleRoomid, watermark, timestamp } = bodyFields(body)
  if (opengid === undefined && openSingleRoomid === undefined) {
    throw badInput('give opengid (a group) or openSingleRoomid (a single chat)')
  }
  const groupSource = optionalSource(source)
  if (watermark !== undefined && typeof watermark !== 'boolean')
    throw badInput('watermark must be a boolean when present')
  if (timestamp !== undefined && !(typeof timestamp === 'number' && Number.isFinite(timestamp))) {
    throw badInput('timestamp must be a number of seconds when present')
  }
  const group: FakeGroup = {
    opengid: optionalString(opengid, 'opengid'),
    chatType: optionalChatType(chatType),
    source: groupSource,
    groupOpenid: optionalString(groupOpenid, 'groupOpenid'),
    openSingleRoomid: optionalString(openSingleRoomid, 'openSingleRoomid'),
    watermark,
    timestamp,
  }
  return { user, group }
}

function optionalChatType(value: unknown): ChatType | undefined {
  if (value === undefined || isChatType(value)) return value
  throw badInput('chatType must be 1, 2, 3 or 4 when present')
}

function optionalString(value: unknown, name: string): string | undefined {
  if (value === undefined || typeof value === 'string') return value
  throw badInput(`${name} must be a string when present`)
}
