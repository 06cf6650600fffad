import { answerNodeRequest } from '../http/nodeAnswer'
import { nodeJsonPostHandler } from '../http/nodeHandler'
import { badInput } from '../openData/OpenDataError'
import { bodyFields } from '../resolver/resolverRequestBody'
import type { GroupFeature, GroupRequest } from './groupRoute'

export interface Todo {
  id: number
  text: string
  /** The group_openid of the member who added it: inside the chat tool, members know each other by it. */
  by: string
  /** ms since the epoch. */
  at: number
}

const MAX_TODOS_PER_GROUP = 100
const MAX_TEXT_LENGTH = 100

/**
 * The demo's chat tool feature: a group to-do list, kept per group in memory. GET
 * lists it (oldest first), POST `{ text }` adds one for the ticket's member. The
 * member is the ticket's group_openid, which only a ticket from the chat tool has.
 */
export function todos(): GroupFeature {
  const byGroup = new Map<string, Todo[]>()
  let made = 0

  const add = (req: GroupRequest) => async (body: unknown) => {
    const by = req.group.groupOpenid
    if (by === undefined)
      throw badInput('this ticket names no member of the chat: open the to-do list in the chat tool')
    const { text } = bodyFields(body)
    const trimmed = typeof text === 'string' ? text.trim() : ''
    if (trimmed === '' || trimmed.length > MAX_TEXT_LENGTH) {
      throw badInput(`text must be 1 to ${MAX_TEXT_LENGTH} characters`)
    }
    const list = byGroup.get(req.group.roomId) ?? []
    const todo: Todo = { id: ++made, text: trimmed, by, at: Date.now() }
    byGroup.set(req.group.roomId, [...list, todo].slice(-MAX_TODOS_PER_GROUP))
    return { todo }
  }

  return (req, res) => {
    if (req.method === 'GET') {
      return answerNodeRequest(req, res, { status: 200, json: { todos: byGroup.get(req.group.roomId) ?? [] } })
    }
    void nodeJsonPostHandler(add(req))(req, res)
  }
}
