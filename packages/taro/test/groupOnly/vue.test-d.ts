// Checked by `npm run typecheck` (tsc), never run: each line fails to compile if inference regresses.
// A Vue app that never registered single chats (see index.test-d.ts beside it).
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
  if (whole.value.status === 'resolved') assertType<Equal<typeof whole.value.opengid, string>>()
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
  const store = provideGroupContext({ resolver: httpResolver({ url: 'https://example.com/api/opengid' }) })
  const state = store.getState()
  if (state.status === 'resolved') assertType<Equal<typeof state.opengid, string>>()
  // @ts-expect-error allowSingleChat only for an app that registered single chats
  provideGroupContext({ resolver: httpResolver({ url: 'u' }), allowSingleChat: true })
  return store
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
  h(GroupContext, { resolver: httpResolver({ url: 'u' }), allowSingleChat: false }),
  // @ts-expect-error allowSingleChat only for an app that registered single chats
  h(GroupContext, { resolver: httpResolver({ url: 'u' }), allowSingleChat: true }),
]

type GateSlots = InstanceType<typeof GroupGate>['$slots']
export function gateSlots(slots: GateSlots) {
  // The default slot gives the group, `#default="{ opengid }"` as before rooms.
  const roomSlot = ({ opengid, roomType }: Parameters<NonNullable<GateSlots['default']>>[0]) => {
    assertType<Equal<typeof opengid, string>>()
    assertType<Equal<typeof roomType, 'group'>>()
  }
  assertType<
    Equal<Parameters<NonNullable<GateSlots['error']>>[0], { error: GroupEnterError; refresh: () => Promise<void> }>
  >()
  // @ts-expect-error the fallback slot takes no props
  slots.fallback?.({ opengid: 'G' })
  return roomSlot
}
