import { useMemo } from 'react'
import { createGroupRequest, type GroupRequest } from '../taro/groupRequest'
import { useGroupEnterStore } from './useGroupEnterInfo'

/**
 * A `request(options)` that sends the group ticket as `Authorization: Bearer` and, on a
 * 401 `TICKET_EXPIRED`, resolves the group again once and repeats. Stable for the
 * provider's lifetime, and reading it re-renders nothing.
 */
export function useGroupRequest(): GroupRequest {
  const store = useGroupEnterStore('useGroupRequest')
  return useMemo(() => createGroupRequest(store), [store])
}
