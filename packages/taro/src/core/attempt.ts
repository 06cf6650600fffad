import { createAborter } from './abort'
import { GroupEnterError, errMsgOf, isGroupEnterError } from './GroupEnterError'
import { isText } from './plan'
import { errCodeOf, fromWeChatFailure, isRequestFailure } from './wechatFailure'
import { isChatType, isGroupId as isId } from './wire'
import type {
  GroupBridge,
  GroupEnterInfoOptions,
  GroupEnterPayload,
  GroupEnterSource,
  GroupResolver,
  ResolvedGroup,
} from './types'

export interface AttemptContext {
  bridge: GroupBridge
  resolver: GroupResolver<unknown>
  api: GroupEnterSource
  shareTicket: string | undefined
  enterInfoOptions: GroupEnterInfoOptions
  /**
   * Settles before every step: at once while the store runs; while it is stopped (its
   * provider unmounted) it waits for a restart, and it rejects with ABORTED once the
   * attempt is abandoned. So an answer already queued at unmount goes no further.
   */
  proceed(signal: AbortSignal): Promise<void>
}

/** Thrown inside an attempt when its entry was superseded or abandoned; never reported. */
export const ABORTED = new Error('aborted')

/**
 * One attempt: prepare (login) strictly before the bridge call, because a later login
 * may refresh the session key and make already-fetched data undecryptable. An attempt
 * that was abandoned meanwhile (superseded, unmounted, timed out) stops at the next
 * step instead of calling the bridge or the server for nothing.
 */
export async function runAttempt(
  ctx: AttemptContext,
  signal: AbortSignal,
): Promise<ResolvedGroup & { source: GroupEnterPayload['source'] }> {
  const { resolver } = ctx
  const step = () => ctx.proceed(signal)
  await step()
  const prepared = resolver.prepare
    ? await resolverStage(() => resolver.prepare!({ bridge: ctx.bridge, signal }))
    : undefined
  await step()
  const payload = await bridgeStage(ctx.api, () => fetchPayload(ctx))
  await step()
  const group = await resolverStage(() => resolver.resolve(payload, { prepared, signal }))
  await step()
  return Object.assign(checkResolvedGroup(group), { source: payload.source })
}

function fetchPayload({ bridge, api, shareTicket, enterInfoOptions }: AttemptContext): Promise<GroupEnterPayload> {
  // plan.ts picks getShareInfo only with a shareTicket, getChatToolInfo only on a bridge that has it.
  return api === 'getShareInfo'
    ? bridge.getShareInfo(shareTicket as string)
    : api === 'getChatToolInfo'
      ? bridge.getChatToolInfo!()
      : bridge.getGroupEnterInfo(enterInfoOptions)
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

/** Never trust a resolver's answer blindly: it crosses a network (and may even throw when read). */
export function checkResolvedGroup(value: unknown): ResolvedGroup {
  let group: ResolvedGroup | undefined
  try {
    group = readResolvedGroup(value as Partial<Record<keyof ResolvedGroup, unknown>> | null)
  } catch {
    // A getter that throws makes the answer as unusable as one without an opengid.
  }
  if (!group) {
    throw new GroupEnterError('INVALID_RESPONSE', 'The resolver gave no well-formed opengid.', {
      cause: value,
    })
  }
  return group
}

function readResolvedGroup(v: Partial<Record<keyof ResolvedGroup, unknown>> | null): ResolvedGroup | undefined {
  if (!v || typeof v !== 'object' || !isId(v.opengid)) return undefined
  const group: ResolvedGroup = { opengid: v.opengid }
  if (isChatType(v.chatType)) group.chatType = v.chatType
  if (isId(v.groupOpenid)) group.groupOpenid = v.groupOpenid
  if (isId(v.openSingleRoomid)) group.openSingleRoomid = v.openSingleRoomid
  if (isText(v.ticket) && typeof v.ticketExpiresAt === 'number' && isFinite(v.ticketExpiresAt)) {
    group.ticket = v.ticket
    group.ticketExpiresAt = v.ticketExpiresAt
  }
  return group
}

/** Runs `work` with its own abort signal that fires on `parent` abort or after `ms`. */
export function withTimeout<T>(parent: AbortSignal, ms: number, work: (signal: AbortSignal) => Promise<T>): Promise<T> {
  if (parent.aborted) return Promise.reject(ABORTED)
  const controller = createAborter()
  return new Promise<T>((resolve, reject) => {
    const finish = (error?: unknown) => {
      clearTimeout(timer)
      parent.removeEventListener('abort', onAbort)
      if (error !== undefined) {
        controller.abort()
        reject(error)
      }
    }
    const onAbort = () => finish(ABORTED)
    const timer = setTimeout(() => finish(new GroupEnterError('TIMEOUT', `No group info within ${ms} ms.`)), ms)
    parent.addEventListener('abort', onAbort)
    work(controller.signal).then(
      (value) => {
        finish()
        resolve(value)
      },
      (error) => finish(error),
    )
  })
}
