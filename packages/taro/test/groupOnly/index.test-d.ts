// Checked by `npm run typecheck` (tsc), never run: each line fails to compile if inference regresses.
// An app that never registered single chats, as every app before rooms: this folder is its
// own compilation (tsconfig.json), because one Register anywhere in a compilation (the demo's
// src/app.tsx) reaches all of it. rooms.test-d.ts checks a registered app.
import {
  GroupEnterError,
  type GroupContextProps,
  type GroupGateProps,
  httpResolver,
  useGroupEnterInfo,
  useOpenGid,
  type GroupEnterInfo,
  type GroupEnterState,
  type GroupResolver,
  type ResolvedGroup,
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
  if (whole.status === 'resolved') assertType<Equal<typeof whole.opengid, string>>()
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

// A resolver's answer is a group, as before rooms: the kit refuses a single room it did not ask for.
export const answerOpengid = (answer: ResolvedGroup): string => answer.opengid
// @ts-expect-error a single room is no answer for a group-only app
export const singleAnswer: ResolvedGroup = { roomType: 'single', roomId: 'S', openSingleRoomid: 'S' }

// @ts-expect-error url is required
httpResolver({})

export function narrowing(state: GroupEnterState) {
  if (state.status === 'resolved') {
    assertType<Equal<typeof state.opengid, string>>()
    assertType<Equal<typeof state.roomId, string>>()
    assertType<Equal<typeof state.roomType, 'group'>>()
    assertType<Equal<typeof state.openSingleRoomid, undefined>>()
    assertType<Equal<typeof state.source, 'getGroupEnterInfo' | 'getShareInfo' | 'getChatToolInfo'>>()
  }
  if (state.status === 'error') assertType<Equal<typeof state.error, GroupEnterError>>()
  if (state.status === 'loading') assertType<Equal<typeof state.opengid, undefined>>()
  // @ts-expect-error error may be undefined until status says 'error'
  void state.error.code
  // @ts-expect-error a resolved state always names its room
  const resolved: GroupEnterState = { status: 'resolved', source: 'getGroupEnterInfo', opengid: 'G' }
  const singleRoom = { roomType: 'single', roomId: 'S', openSingleRoomid: 'S' } as const
  // @ts-expect-error a group-only app's state is never a single room
  const single: GroupEnterState = { status: 'resolved', source: 'getGroupEnterInfo', ...singleRoom }
  // @ts-expect-error only a resolved state carries an opengid
  const loading: GroupEnterState = { status: 'loading', opengid: 'G' }
  return [resolved, single, loading]
}

// GroupGate's content gets the opengid first, as before rooms, and the group's room beside it.
export const gateChildren: GroupGateProps['children'] = (opengid, room) => {
  assertType<Equal<typeof opengid, string>>()
  assertType<Equal<typeof room.opengid, string>>()
  assertType<Equal<typeof room.roomType, 'group'>>()
  return room.opengid
}
export const gateChildrenBeforeRooms: GroupGateProps['children'] = (opengid: string) => opengid

const resolver = httpResolver({ url: 'https://example.com/api/opengid' })
export const provider: GroupContextProps[] = [
  { resolver, onResolved: (state) => state.status === 'resolved' && assertType<Equal<typeof state.opengid, string>>() },
  // False says what the types already say.
  { resolver, allowSingleChat: false },
  // @ts-expect-error allowSingleChat only for an app that registered single chats
  { resolver, allowSingleChat: true },
]
// The error names what to declare.
type Refusal = Extract<GroupContextProps['allowSingleChat'], string>
assertType<Refusal extends `${string}interface Register { allowSingleChat: true }${string}` ? true : false>()
