// Checked by `npm run typecheck` (tsc), never run: each line fails to compile if inference regresses.
// An app that registered single chats: once, through one entry, and every entry's types name any
// room. groupOnly/ checks an app that did not, in a compilation of its own.
import { h } from 'vue'
import {
  httpResolver,
  type GroupContextProps,
  type GroupEnterState,
  type GroupGateProps,
  type ResolvedGroup,
} from '@opengid/taro'
import {
  GroupContext as VueGroupContext,
  GroupGate as VueGroupGate,
  provideGroupContext,
  useGroupEnterInfo as useVueGroupEnterInfo,
} from '@opengid/taro/vue'
import { createGroupEnterStore, taroBridge } from '@opengid/taro/vanilla'

declare module '@opengid/taro' {
  interface Register {
    allowSingleChat: true
  }
}

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false
function assertType<T extends true>(): T | void {}

export function narrowing(state: GroupEnterState) {
  if (state.status === 'resolved') {
    assertType<Equal<typeof state.roomId, string>>()
    assertType<Equal<typeof state.roomType, 'group' | 'single'>>()
    assertType<Equal<typeof state.opengid, string | undefined>>()
    if (state.roomType === 'group') {
      assertType<Equal<typeof state.opengid, string>>()
      assertType<Equal<typeof state.openSingleRoomid, undefined>>()
    } else {
      assertType<Equal<typeof state.openSingleRoomid, string>>()
      assertType<Equal<typeof state.opengid, undefined>>()
    }
  }
  // @ts-expect-error a resolved state always names its room
  const resolved: GroupEnterState = { status: 'resolved', source: 'getGroupEnterInfo', opengid: 'G' }
  const singleRoom = { roomType: 'single', roomId: 'S', openSingleRoomid: 'S' } as const
  const single: GroupEnterState = { status: 'resolved', source: 'getGroupEnterInfo', ...singleRoom }
  // @ts-expect-error a single room has no opengid
  const mixed: GroupEnterState = { ...single, opengid: 'G' }
  return [resolved, single, mixed]
}

// A resolver may answer a single room, which the kit then takes.
export const singleAnswer: ResolvedGroup = { roomType: 'single', roomId: 'S', openSingleRoomid: 'S' }

// GroupGate's content gets the room's id and the room, group or single chat.
export const gateChildren: GroupGateProps['children'] = (roomId, room) => {
  assertType<Equal<typeof roomId, string>>()
  assertType<Equal<typeof room.roomType, 'group' | 'single'>>()
  return room.roomType === 'group' ? room.opengid : room.openSingleRoomid
}

const resolver = httpResolver({ url: 'https://example.com/api/opengid' })
export const reactProvider: GroupContextProps = { resolver, allowSingleChat: true }

// The Vue entry and the vanilla one read the same Register.
export function useVueEntry() {
  const store = provideGroupContext({ resolver, allowSingleChat: true })
  const state = useVueGroupEnterInfo().value
  if (state.status === 'resolved') assertType<Equal<typeof state.roomType, 'group' | 'single'>>()
  return [store, h(VueGroupContext, { resolver, allowSingleChat: true })]
}

type GateSlots = InstanceType<typeof VueGroupGate>['$slots']
export const roomSlot = (room: Parameters<NonNullable<GateSlots['default']>>[0]) =>
  room.roomType === 'group' ? room.opengid : room.openSingleRoomid

export function vanilla() {
  const store = createGroupEnterStore({ bridge: taroBridge(), resolver, allowSingleChat: true })
  const state = store.getState()
  if (state.status === 'resolved') assertType<Equal<typeof state.roomType, 'group' | 'single'>>()
}
