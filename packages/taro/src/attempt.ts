import { createAborter } from './abort'
import { GroupEnterError, errMsgOf, isGroupEnterError } from './GroupEnterError'
import { isChatType } from './plan'
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
}

/** WeChat's code for a cloudID older than its 5-minute life. */
export const CLOUD_ID_EXPIRED = -601006

/** Thrown inside an attempt when its entry was superseded or abandoned; never reported. */
export const ABORTED = new Error('opengid: attempt aborted')

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
  const live = () => {
    if (signal.aborted) throw ABORTED
  }
  const resolveOnce = async () => {
    const prepared = resolver.prepare
      ? await stage('RESOLVER', () => resolver.prepare!({ bridge: ctx.bridge, signal }))
      : undefined
    live()
    const payload = await stage('BRIDGE', () => fetchPayload(ctx))
    live()
    const group = await stage('RESOLVER', () => resolver.resolve(payload, { prepared, signal }))
    return { ...checkResolvedGroup(group), source: payload.source }
  }
  try {
    return await resolveOnce()
  } catch (error) {
    // A cloudID lives 5 minutes; a fresh bridge call (after a fresh prepare) gives a fresh one.
    if (isGroupEnterError(error) && error.errCode === CLOUD_ID_EXPIRED && !signal.aborted) return resolveOnce()
    throw error
  }
}

function fetchPayload({ bridge, api, shareTicket, enterInfoOptions }: AttemptContext): Promise<GroupEnterPayload> {
  return api === 'getShareInfo'
    ? bridge.getShareInfo(shareTicket as string)
    : bridge.getGroupEnterInfo(enterInfoOptions)
}

/** Labels errors from code the kit does not own (custom bridges and resolvers) with the stage they came from. */
async function stage<T>(code: 'BRIDGE' | 'RESOLVER', run: () => Promise<T>): Promise<T> {
  try {
    return await run()
  } catch (error) {
    if (isGroupEnterError(error) || error === ABORTED) throw error
    throw new GroupEnterError(
      code,
      `${code === 'BRIDGE' ? 'The WeChat bridge' : 'The resolver'} failed: ${errMsgOf(error)}`,
      {
        cause: error,
      },
    )
  }
}

/** Never trust a resolver's answer blindly: it crosses a network. */
export function checkResolvedGroup(value: unknown): ResolvedGroup {
  const v = value as Partial<Record<keyof ResolvedGroup, unknown>> | null
  if (!v || typeof v !== 'object' || typeof v.opengid !== 'string' || v.opengid === '') {
    throw new GroupEnterError('INVALID_RESPONSE', 'The resolver answered without a non-empty string `opengid`.', {
      cause: value,
    })
  }
  const group: ResolvedGroup = { opengid: v.opengid }
  if (isChatType(v.chatType)) group.chatType = v.chatType
  if (typeof v.groupOpenid === 'string' && v.groupOpenid) group.groupOpenid = v.groupOpenid
  if (typeof v.openSingleRoomid === 'string' && v.openSingleRoomid) group.openSingleRoomid = v.openSingleRoomid
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
    const timer = setTimeout(
      () => finish(new GroupEnterError('TIMEOUT', `No group info within ${ms} ms.`, { retryable: true })),
      ms,
    )
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
