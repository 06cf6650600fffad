import { createAborter, DONE, type Aborter } from './abort'
import { entryKey, isCall, planState, type EntryPlan } from './plan'
import { resolveEntry, type EntrySetup } from './resolveEntry'
import type { EnterOptions, EnterState } from './types'

/**
 * The entry lifecycle: one resolution per group entry. The same entry again joins
 * the one in flight, a new one supersedes it (aborted, its late answer dropped), and
 * `refresh` starts over only once the current one has settled.
 */
export interface Entries {
  /** Starts `options`' entry, or joins it when it is the current one and not `force`d. */
  enter(options: EnterOptions | undefined, force: boolean): Promise<void>
  /** Starts the current entry (before any: the launch's) over; joins one in flight. */
  refresh(): Promise<void>
  /** Aborts the current entry if it has not settled; the next `enter` starts afresh. */
  abandon(): void
}

interface Entry {
  key: string
  options: EnterOptions | undefined
  aborter: Aborter
  /** Its resolution, until it settles. */
  pending?: Promise<void>
}

/**
 * `show` gets every state the current entry takes, its plan's at once; `settled` the
 * final state of an entry that was still current when it settled.
 */
export function createEntries(
  setup: EntrySetup,
  plan: (options: EnterOptions | undefined) => EntryPlan,
  show: (state: EnterState) => void,
  settled: (state: EnterState) => void,
): Entries {
  let current: Entry | undefined

  function enter(options: EnterOptions | undefined, force: boolean): Promise<void> {
    const key = entryKey(options)
    if (current && current.key === key && !force) return current.pending || DONE
    if (current) current.aborter.abort()
    const entry: Entry = { key, options, aborter: createAborter() }
    current = entry
    const entryPlan = plan(options)
    show(planState(options, entryPlan))
    if (!isCall(entryPlan)) return DONE
    const settle = () => {
      entry.pending = undefined
    }
    return (entry.pending = resolveEntry(setup, entryPlan, options, entry.aborter.signal).then((next) => {
      settle()
      // A superseded entry's late answer must never be shown.
      if (current !== entry) return
      show(next)
      settled(next)
    }, settle))
  }

  return {
    enter,
    refresh() {
      if (current && current.pending) return current.pending
      return enter(current ? current.options : setup.bridge.getEnterOptions(), true)
    },
    abandon() {
      if (current && current.pending) {
        current.aborter.abort()
        current = undefined
      }
    },
  }
}
