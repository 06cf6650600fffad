import { OpenDataError } from '../errors'
import { isRecord } from '../isRecord'
import type { ChatType } from '../types'
import type { FakeGroup } from './groupPayload'

// The dev endpoints answer bad bodies with the same 400 BAD_INPUT shape as
// the real endpoint, through the same mapping.
function badInput(message: string): OpenDataError {
  return new OpenDataError('BAD_INPUT', message)
}

function fieldsOf(body: unknown): Record<string, unknown> {
  if (!isRecord(body)) throw badInput('the body must be a JSON object')
  return body
}

/** Reads `{ user }` for POST /__wechat/login. */
export function readUser(body: unknown): string {
  const { user } = fieldsOf(body)
  if (typeof user !== 'string' || user === '') throw badInput('user must be a non-empty string')
  return user
}

/** Reads `{ user, opengid, chatType?, source?, ... }` for POST /__wechat/group-enter-info. */
export function readFakeGroupRequest(body: unknown): { user: string; group: FakeGroup } {
  const user = readUser(body)
  const { opengid, chatType, source, groupOpenid, openSingleRoomid, watermark, timestamp } = fieldsOf(body)
  if (typeof opengid !== 'string') throw badInput('opengid must be a string')
  if (source !== undefined && source !== 'getGroupEnterInfo' && source !== 'getShareInfo') {
    throw badInput("source must be 'getGroupEnterInfo' or 'getShareInfo' when present")
  }
  if (watermark !== undefined && typeof watermark !== 'boolean')
    throw badInput('watermark must be a boolean when present')
  if (timestamp !== undefined && !(typeof timestamp === 'number' && Number.isFinite(timestamp))) {
    throw badInput('timestamp must be a number of seconds when present')
  }
  const group: FakeGroup = {
    opengid,
    chatType: optionalChatType(chatType),
    source,
    groupOpenid: optionalString(groupOpenid, 'groupOpenid'),
    openSingleRoomid: optionalString(openSingleRoomid, 'openSingleRoomid'),
    watermark,
    timestamp,
  }
  return { user, group }
}

function optionalChatType(value: unknown): ChatType | undefined {
  if (value === undefined || value === 1 || value === 2 || value === 3 || value === 4) return value
  throw badInput('chatType must be 1, 2, 3 or 4 when present')
}

function optionalString(value: unknown, name: string): string | undefined {
  if (value === undefined || typeof value === 'string') return value
  throw badInput(`${name} must be a string when present`)
}
