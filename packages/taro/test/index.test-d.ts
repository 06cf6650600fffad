// Checked by `npm run typecheck` (tsc), never run: each line fails to compile if inference regresses.
import {
  GroupEnterError,
  type GroupGateProps,
  httpResolver,
  useGroupEnterInfo,
  useOpenGid,
  type GroupEnterInfo,
  type GroupEnterState,
  type GroupResolver,
} from '@opengid/taro'

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false
function assertType<T extends true>(): T | void {}

export function useSelectorInference() {
  const opengid = useGroupEnterInfo((s) => s.opengid)
  assertType<Equal<typeof opengid, string | undefined>>()

  const tuple = useGroupEnterInfo(
    (s) => [s.status, s.chatType] as const,
    (a, b) => a[0] === b[0] && a[1] === b[1],
  )
  assertType<Equal<typeof tuple, readonly [GroupEnterInfo['status'], 1 | 2 | 3 | 4 | undefined]>>()

  const whole = useGroupEnterInfo()
  assertType<Equal<typeof whole, GroupEnterInfo>>()
  assertType<Equal<ReturnType<typeof whole.refresh>, Promise<void>>>()
  assertType<Equal<ReturnType<typeof useOpenGid>, string | undefined>>()

  const selectScene = (s: GroupEnterState) => s.scene
  const sameString = (a: string, b: string) => a === b
  // @ts-expect-error isEqual must compare the selected type
  useGroupEnterInfo(selectScene, sameString)
  // @ts-expect-error status is a closed union
  const bad: GroupEnterInfo['status'] = 'done'
  return bad
}

export function errorCodes(error: GroupEnterError) {
  assertType<
    Equal<
      typeof error.code,
      'SCENE' | 'LEFT_GROUP' | 'UNSUPPORTED' | 'BRIDGE' | 'RESOLVER' | 'TIMEOUT' | 'INVALID_RESPONSE'
    >
  >()
}

export const customResolver: GroupResolver<{ token: string }> = {
  prepare: async () => ({ token: 't' }),
  resolve: async (payload, { prepared }) => {
    assertType<Equal<typeof prepared, { token: string }>>()
    assertType<Equal<typeof payload.source, 'getGroupEnterInfo' | 'getShareInfo' | 'getChatToolInfo'>>()
    return { opengid: prepared.token }
  },
}

// @ts-expect-error url is required
httpResolver({})

export function narrowing(state: GroupEnterState) {
  if (state.status === 'resolved') {
    assertType<Equal<typeof state.roomId, string>>()
    assertType<Equal<typeof state.roomType, 'group' | 'single'>>()
    assertType<Equal<typeof state.opengid, string | undefined>>()
    assertType<Equal<typeof state.source, 'getGroupEnterInfo' | 'getShareInfo' | 'getChatToolInfo'>>()
    if (state.roomType === 'group') {
      assertType<Equal<typeof state.opengid, string>>()
      assertType<Equal<typeof state.openSingleRoomid, undefined>>()
    } else {
      assertType<Equal<typeof state.openSingleRoomid, string>>()
      assertType<Equal<typeof state.opengid, undefined>>()
    }
  }
  if (state.status === 'error') assertType<Equal<typeof state.error, GroupEnterError>>()
  if (state.status === 'loading') assertType<Equal<typeof state.opengid, undefined>>()
  // @ts-expect-error error may be undefined until status says 'error'
  void state.error.code
  // @ts-expect-error a resolved state always names its room
  const resolved: GroupEnterState = { status: 'resolved', source: 'getGroupEnterInfo', opengid: 'G' }
  const single: GroupEnterState = {
    status: 'resolved',
    source: 'getGroupEnterInfo',
    roomType: 'single',
    roomId: 'S',
    openSingleRoomid: 'S',
  }
  // @ts-expect-error a single room has no opengid
  const mixed: GroupEnterState = { ...single, opengid: 'G' }
  // @ts-expect-error only a resolved state carries an opengid
  const loading: GroupEnterState = { status: 'loading', opengid: 'G' }
  return [resolved, single, mixed, loading]
}

// GroupGate's content gets the room's id (a group's opengid, as before rooms) and the room.
export const gateChildren: GroupGateProps['children'] = (roomId, room) => {
  assertType<Equal<typeof roomId, string>>()
  assertType<Equal<typeof room.roomType, 'group' | 'single'>>()
  return room.roomType === 'group' ? room.opengid : room.openSingleRoomid
}
