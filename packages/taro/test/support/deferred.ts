import type { GroupResolver, ResolvedGroup } from '../../src/core/types'

/** A promise with its settle functions outside, to control exactly when a call answers. */
export function deferred<T = void>() {
  let resolve!: (value: T) => void
  let reject!: (error: unknown) => void
  const promise = new Promise<T>((res, rej) => {
    resolve = res
    reject = rej
  })
  return { promise, resolve, reject }
}

/** A resolver that answers when the test does (`answer.resolve(group)`), keeping the signal it was called with. */
export function heldResolver() {
  const answer = deferred<ResolvedGroup>()
  const held: { answer: typeof answer; signal?: AbortSignal; resolver: GroupResolver<unknown> } = {
    answer,
    resolver: {
      resolve(_, ctx) {
        held.signal = ctx.signal
        return answer.promise
      },
    },
  }
  return held
}
