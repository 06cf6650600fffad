import { createGroupRequest, type GroupRequest } from '../taro/groupRequest'
import { injectGroupStore } from './context'

/**
 * A `request(options)` that sends the group ticket as `Authorization: Bearer` and, on a
 * 401 `TICKET_EXPIRED`, resolves the group again once and repeats. Made once per
 * component (setup runs once), and reading it updates nothing.
 */
export function useGroupRequest(): GroupRequest {
  return createGroupRequest(injectGroupStore('useGroupRequest'))
}
