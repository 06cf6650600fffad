import { selectTicket } from '../core/selectors'
import { useGroupEnterInfo } from './useGroupEnterInfo'

/** The group ticket for your own API, or undefined until the group is resolved with one. */
export function useGroupTicket(): string | undefined {
  return useGroupEnterInfo(selectTicket)
}
