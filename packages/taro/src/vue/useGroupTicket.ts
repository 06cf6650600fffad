import type { ShallowRef } from 'vue'
import { createGroupRequest, type GroupRequest } from '../taro/groupRequest'
import { selectTicket } from '../core/selectors'
import { injectGroupStore } from './context'
import { selectionRef } from './selection'

/** The group ticket for your own API, or undefined until the group is resolved with one. */
export function useGroupTicket(): Readonly<ShallowRef<string | undefined>> {
  return selectionRef(injectGroupStore('useGroupTicket'), selectTicket, Object.is)
}

/**
 * A `request(options)` that sends the group ticket as `Authorization: Bearer` and, on a
 * 401 `TICKET_EXPIRED`, resolves the group again once and repeats. Made once per
 * component (setup runs once), and reading it updates nothing.
 */
export function useGroupRequest(): GroupRequest {
  return createGroupRequest(injectGroupStore('useGroupRequest'))
}
