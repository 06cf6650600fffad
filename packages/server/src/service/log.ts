import { pino, type DestinationStream, type Logger, type LoggerOptions } from 'pino'

export type { Logger }

/** The service's two loggers: they write JSON lines to stdout, in the order they were logged. */
export interface ServiceLogs {
  /** The service's events (start, store, shutdown, internal errors): each written at once. */
  log: Logger
  /** One line per request: written in batches, at most BATCH_MS after it was logged. */
  requests: Logger
}

/** How long a request line may wait for others, and how much may wait before it is written. */
const BATCH_MS = 10
const BATCH_CHARS = 64 * 1024

/**
 * JSON lines on stdout, one per request and one per event of the service. Only what
 * this folder passes is written: never a request body, a header or an error object
 * whole (an ioredis error carries the command, and so the session id).
 *
 * Request lines are batched: one write of all the lines of the last BATCH_MS, not one
 * per request. A write per line, blocking or asynchronous, cost more than the
 * line itself (an asynchronous one goes through the thread pool and back to the event
 * loop: some 15 µs of CPU a line). A batch is written synchronously, so nothing is
 * ever in flight: an event line, a flush (shutdown) or the process's exit writes
 * everything logged before it, in order.
 */
export function createLogs(): ServiceLogs {
  const out = pino.destination({ dest: 1, sync: true })
  let pending: string[] = []
  let chars = 0
  let timer: NodeJS.Timeout | undefined
  const writePending = () => {
    clearTimeout(timer)
    timer = undefined
    if (pending.length === 0) return
    const text = pending.length === 1 ? pending[0] : pending.join('')
    pending = []
    chars = 0
    out.write(text)
  }
  const add = (line: string) => {
    pending.push(line)
    chars += line.length
  }
  process.on('exit', writePending)
  const options: LoggerOptions = { base: { service: 'opengid-server' }, timestamp: isoTime }
  const events: DestinationStream & { flush(done: () => void): void } = {
    write(line) {
      add(line)
      writePending()
    },
    flush(done) {
      writePending()
      done()
    },
  }
  const requests: DestinationStream = {
    write(line) {
      add(line)
      if (chars >= BATCH_CHARS) writePending()
      else timer ??= setTimeout(writePending, BATCH_MS)
    },
  }
  return { log: pino(options, events), requests: pino(options, requests) }
}

let lastMs = NaN
let lastTime = ''
/** pino.stdTimeFunctions.isoTime, formatted once per millisecond: under load, many lines share one. */
function isoTime(): string {
  const now = Date.now()
  if (now !== lastMs) {
    lastMs = now
    lastTime = `,"time":"${new Date(now).toISOString()}"`
  }
  return lastTime
}

/** What an error may show in a log line. */
export function errorSummary(error: unknown): { name?: string; code?: unknown; message?: string } {
  if (!(error instanceof Error)) return { message: typeof error }
  return { name: error.name, code: (error as { code?: unknown }).code, message: error.message }
}
