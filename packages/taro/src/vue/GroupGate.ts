import { defineComponent, type SlotsType, type VNode } from 'vue'
import type { GroupEnterError } from '../core/GroupEnterError'
import type { AppRoom } from '../core/register'
import { sameGate, selectGate } from '../core/selectors'
import { injectGroupStore } from './context'
import { selectionRef } from './selection'

/** Every slot is optional: a state without its slot renders nothing. */
export interface GroupGateSlots {
  /**
   * Shown once the room is known: `roomId`, `roomType`, and `opengid` (a group) or
   * `openSingleRoomid` (a single chat, for an app that registered them).
   */
  default?(props: AppRoom): VNode[]
  /** While idle or loading. */
  fallback?(): VNode[]
  /** The launch was not from a group chat. */
  none?(): VNode[]
  /** This host cannot provide group info (H5, other platforms, old base library). */
  unsupported?(): VNode[]
  error?(props: { error: GroupEnterError; refresh: () => Promise<void> }): VNode[]
}

/** Renders its default slot only for a resolved room (group or single chat), and one slot for each other state. */
export const GroupGate = defineComponent({
  name: 'GroupGate',
  slots: Object as SlotsType<GroupGateSlots>,
  setup(_, { slots }) {
    const store = injectGroupStore('GroupGate')
    // Only status, the room and error re-render the gate: a new ticket or scene does not.
    const gate = selectionRef(store, selectGate, sameGate)
    return () => {
      const { status, room, error } = gate.value
      if (status === 'resolved') return slots.default ? slots.default(room as AppRoom) : null
      if (status === 'error') {
        return slots.error ? slots.error({ error: error as GroupEnterError, refresh: store.refresh }) : null
      }
      const slot = status === 'none' ? slots.none : status === 'unsupported' ? slots.unsupported : slots.fallback
      return slot ? slot() : null
    }
  },
})
