import { pino, type Logger } from 'pino'

export type { Logger }

/**
 * JSON lines on stdout, one per request and one per event of the service. Only what
 * this folder passes is written: never a request body, a header or an error object
 * whole (an ioredis error carries the command, and so the session id). Written
 * asynchronously: a line goes out at once when stdout is idle, and lines that come
 * while a write is in flight go out together, instead of one blocking write per
 * request on the request's own path. Shutdown flushes what is left (shutdown.ts).
 */
export function createLogger(): Logger {
  return pino(
    { base: { service: 'opengid-server' }, timestamp: pino.stdTimeFunctions.isoTime },
    pino.destination({ dest: 1, sync: false }),
  )
}

/** What an error may show in a log line. */
export function errorSummary(error: unknown): { name?: string; code?: unknown; message?: string } {
  if (!(error instanceof Error)) return { message: typeof error }
  return { name: error.name, code: (error as { code?: unknown }).code, message: error.message }
}
