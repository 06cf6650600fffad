// Checked by `npm run typecheck` (tsc), never run: each line fails to compile if inference regresses.
import { h, type ShallowRef } from 'vue'
import type { GroupContextProps as ReactGroupContextProps } from '@opengid/taro'
import {
  GroupContext,
  GroupGate,
  GroupName,
  httpResolver,
  provideGroupContext,
  useGroupEnterInfo,
  useGroupRequest,
  useGroupTicket,
  useOpenGid,
  type GroupContextProps,
  type GroupEnterError,
  type GroupEnterInfo,
  type GroupEnterState,
  type GroupEnterStore,
  type GroupRequest,
} from '@opengid/taro/vue'
import { createSimulatedBridge } from '@opengid/taro/testing'

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false
function assertType<T extends true>(): T | void {}

export function composableTypes() {
  const opengid = useGroupEnterInfo((s) => s.opengid)
  assertType<Equal<typeof opengid, Readonly<ShallowRef<string | undefined>>>>()
  // @ts-expect-error the ref is read-only: the store is the only writer
  opengid.value = 'G'

  const tuple = useGroupEnterInfo(
    (s) => [s.status, s.chatType] as const,
    (a, b) => a[0] === b[0] && a[1] === b[1],
  )
  assertType<Equal<typeof tuple.value, readonly [GroupEnterInfo['status'], 1 | 2 | 3 | 4 | undefined]>>()

  const whole = useGroupEnterInfo()
  assertType<Equal<typeof whole, Readonly<ShallowRef<GroupEnterInfo>>>>()
  assertType<Equal<ReturnType<typeof whole.value.refresh>, Promise<void>>>()
  if (whole.value.status === 'resolved') {
    assertType<Equal<typeof whole.value.roomId, string>>()
    if (whole.value.roomType === 'group') assertType<Equal<typeof whole.value.opengid, string>>()
    else assertType<Equal<typeof whole.value.openSingleRoomid, string>>()
  }
  if (whole.value.status === 'error') assertType<Equal<typeof whole.value.error, GroupEnterError>>()

  assertType<Equal<ReturnType<typeof useOpenGid>, Readonly<ShallowRef<string | undefined>>>>()
  assertType<Equal<ReturnType<typeof useGroupTicket>, Readonly<ShallowRef<string | undefined>>>>()
  assertType<Equal<ReturnType<typeof useGroupRequest>, GroupRequest>>()

  const selectScene = (s: GroupEnterState) => s.scene
  const sameString = (a: string, b: string) => a === b
  // @ts-expect-error isEqual must compare the selected type
  useGroupEnterInfo(selectScene, sameString)
}

// The Vue provider takes exactly the React provider's options, children aside.
assertType<Equal<GroupContextProps, Omit<ReactGroupContextProps, 'children'>>>()

export function providing(): GroupEnterStore {
  return provideGroupContext({ resolver: httpResolver({ url: 'https://example.com/api/opengid' }) })
}

export const rendered = [
  h(
    GroupContext,
    { resolver: httpResolver({ url: 'https://example.com' }), bridge: createSimulatedBridge(), retry: 0 },
    { default: () => h(GroupName) },
  ),
  // @ts-expect-error the resolver is required
  h(GroupContext, { bridge: createSimulatedBridge() }),
  // @ts-expect-error onResolved is given the state
  h(GroupContext, { resolver: httpResolver({ url: 'u' }), onResolved: (state: string) => state }),
]

type GateSlots = InstanceType<typeof GroupGate>['$slots']
export function gateSlots(slots: GateSlots) {
  const roomSlot = (room: Parameters<NonNullable<GateSlots['default']>>[0]) => {
    assertType<Equal<typeof room.roomId, string>>()
    if (room.roomType === 'group') assertType<Equal<typeof room.opengid, string>>()
    else assertType<Equal<typeof room.openSingleRoomid, string>>()
  }
  assertType<
    Equal<Parameters<NonNullable<GateSlots['error']>>[0], { error: GroupEnterError; refresh: () => Promise<void> }>
  >()
  // @ts-expect-error the fallback slot takes no props
  slots.fallback?.({ opengid: 'G' })
  return roomSlot
}
