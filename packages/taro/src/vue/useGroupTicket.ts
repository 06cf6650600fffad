import type { ShallowRef } from 'vue'
import { selectTicket } from '../core/selectors'
import { injectGroupStore } from './context'
import { selectionRef } from './selection'

/** The group ticket for your own API, or undefined until the group is resolved with one. */
export function useGroupTicket(): Readonly<ShallowRef<string | undefined>> {
  return selectionRef(injectGroupStore('useGroupTicket'), selectTicket, Object.is)
}
