import { performance } from 'node:perf_hooks'

export interface LogEntry {
  /** Milliseconds since the host started loading the app's code. */
  at: number
  /** A wx API ('login'), a lifecycle ('App.onLaunch', 'Page.onShow') or 'setData'. */
  name: string
  detail?: unknown
}

/** Everything the app did to its host, in order and timed, for assertions and benchmarks. */
export interface CallLog {
  readonly entries: readonly LogEntry[]
  record(name: string, detail?: unknown): LogEntry
  count(name: string): number
  /** The entries with this name. */
  of(name: string): LogEntry[]
}

export function createCallLog(): CallLog {
  const start = performance.now()
  const entries: LogEntry[] = []
  const of = (name: string) => entries.filter((entry) => entry.name === name)
  return {
    entries,
    record(name, detail) {
      const entry = { at: performance.now() - start, name, detail }
      entries.push(entry)
      return entry
    },
    count: (name) => of(name).length,
    of,
  }
}
