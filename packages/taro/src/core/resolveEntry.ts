import { ABORTED, createAborter } from './abort'
import { runAttempt, type AttemptSetup } from './attempt'
import { GroupEnterError } from './GroupEnterError'
import { baseState } from './plan'
import { retryAgain } from './retry'
import type { EnterOptions, GroupEnterSource, EnterState } from './types'

/** Every entry of a store is resolved the same way: made once, with the store. */
export interface EntrySetup extends AttemptSetup {
  /** Per attempt, from prepare to resolved. */
  timeoutMs: number
  /** Extra attempts after a network-type failure (see retry.ts). */
  retry: number
}

/**
 * Resolves one entry to the state it ends in: attempts, each within `timeoutMs`,
 * until one answers or the retry policy says stop. Rejects only with ABORTED, when
 * the entry was superseded or abandoned.
 */
export async function resolveEntry(
  setup: EntrySetup,
  api: GroupEnterSource,
  options: EnterOptions | undefined,
  signal: AbortSignal,
): Promise<EnterState> {
  const base = baseState(options)
  const shareTicket = options && options.shareTicket
  const tries = { stale: 0, network: 0 }
  for (;;) {
    try {
      const group = await withTimeout(signal, setup.timeoutMs, (attempt) =>
        runAttempt(setup, api, shareTicket, attempt),
      )
      return Object.assign({ status: 'resolved' as const }, base, group, {
        chatType: group.chatType || base.chatType,
      })
    } catch (caught) {
      if (caught === ABORTED) throw caught
      // Every step of an attempt is owned() (attempt.ts): what is not ABORTED is the kit's error.
      const error = caught as GroupEnterError
      if (error.code === 'UNSUPPORTED') return Object.assign({ status: 'unsupported' as const }, base)
      if (!retryAgain(error, tries, setup.retry)) return Object.assign({ status: 'error' as const, error }, base)
    }
  }
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
    work(controller.signal).then((value) => {
      finish()
      resolve(value)
    }, finish)
  })
}
