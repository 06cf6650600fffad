import { ABORTED } from './abort'
import { GroupEnterError, errMsgOf, isGroupEnterError } from './GroupEnterError'
import { isText } from './plan'
import type { PauseGate } from './pauseGate'
import { errCodeOf, fromWeChatFailure, isRequestFailure } from './wechatFailure'
import { isChatType, isGroupId as isId } from './wire'
import type {
  GroupBridge,
  GroupEnterInfoOptions,
  GroupEnterPayload,
  GroupEnterSource,
  GroupResolver,
  ResolvedRoom,
  ResolverAnswer,
} from './types'

/** What every attempt of a store uses: made once, with the store. */
export interface AttemptSetup {
  bridge: GroupBridge
  resolver: GroupResolver<unknown>
  /** What the group API is asked for. */
  enterInfo: GroupEnterInfoOptions
  /** Awaited before every step (PauseGate.pass). */
  pass: PauseGate['pass']
}

/**
 * One attempt: prepare (login) strictly before the bridge call, because a later login
 * may refresh the session key and make already-fetched data undecryptable. An attempt
 * that was abandoned meanwhile (superseded, unmounted, timed out) stops at the next
 * step instead of calling the bridge or the server for nothing.
 */
export async function runAttempt(
  setup: AttemptSetup,
  api: GroupEnterSource,
  shareTicket: string | undefined,
  signal: AbortSignal,
): Promise<ResolvedRoom & { source: GroupEnterPayload['source'] }> {
  const { bridge, resolver } = setup
  const step = () => setup.pass(signal)
  await step()
  const prepared = resolver.prepare ? await resolverStage(() => resolver.prepare!({ bridge, signal })) : undefined
  await step()
  const payload = await bridgeStage(api, () =>
    // plan.ts picks getShareInfo only with a shareTicket, getChatToolInfo only on a bridge that has it.
    api === 'getShareInfo'
      ? bridge.getShareInfo(shareTicket as string)
      : api === 'getChatToolInfo'
        ? bridge.getChatToolInfo!()
        : bridge.getGroupEnterInfo(setup.enterInfo),
  )
  await step()
  const { allowSingleChat } = setup.enterInfo
  const group = await resolverStage(() => resolver.resolve(payload, { prepared, signal, allowSingleChat }))
  await step()
  return Object.assign(checkResolvedGroup(group, allowSingleChat), { source: payload.source })
}

/** Kit errors and aborts pass as they are; anything else came from code the kit does not own. */
async function owned<T>(run: () => Promise<T>, wrap: (error: unknown) => GroupEnterError): Promise<T> {
  try {
    return await run()
  } catch (error) {
    throw isGroupEnterError(error) || error === ABORTED ? error : wrap(error)
  }
}

/** A custom bridge's WeChat-style rejection gets the same codes as the Taro bridge's (SCENE, LEFT_GROUP, BRIDGE). */
const bridgeStage = <T>(api: GroupEnterSource, run: () => Promise<T>) =>
  owned(run, (error) => fromWeChatFailure(error, api))

/** A Taro request failure (no answer at all) is network-type, so `retry` applies to it. */
const resolverStage = <T>(run: () => Promise<T>) =>
  owned(
    run,
    (error) =>
      new GroupEnterError('RESOLVER', `The resolver failed: ${errMsgOf(error)}`, {
        errCode: errCodeOf(error),
        retryable: isRequestFailure(error),
        cause: error,
      }),
  )

/**
 * Never trust a resolver's answer blindly: it crosses a network (and may even throw
 * when read). A single room is an answer only when the app allowed single chats.
 */
export function checkResolvedGroup(value: unknown, allowSingleChat?: boolean): ResolvedRoom {
  try {
    const group = readResolvedGroup(value as Answer | null, allowSingleChat)
    if (group) return group
  } catch {
    // A getter that throws makes the answer as unusable as one without a room.
  }
  throw new GroupEnterError('INVALID_RESPONSE', 'The resolver gave no well-formed room.', { cause: value })
}

type Answer = Partial<Record<keyof ResolverAnswer | 'openSingleRoomid', unknown>>

function readResolvedGroup(v: Answer | null, allowSingleChat?: boolean): ResolvedRoom | undefined {
  // A primitive has no room either, so !v is the only shape left to rule out. The room is
  // read from its own id, whatever else the answer says: an opengid is a group (as from
  // resolvers written before rooms), an open_single_roomid a single chat, if allowed.
  if (!v) return undefined
  const { opengid, openSingleRoomid } = v
  const group = (
    isId(opengid)
      ? { roomType: 'group', roomId: opengid, opengid }
      : allowSingleChat && isId(openSingleRoomid)
        ? { roomType: 'single', roomId: openSingleRoomid, openSingleRoomid }
        : undefined
  ) as ResolvedRoom | undefined
  if (!group) return group
  if (isChatType(v.chatType)) group.chatType = v.chatType
  if (isId(v.groupOpenid)) group.groupOpenid = v.groupOpenid
  if (isText(v.ticket) && Number.isFinite(v.ticketExpiresAt)) {
    group.ticket = v.ticket
    group.ticketExpiresAt = v.ticketExpiresAt as number
  }
  return group
}
