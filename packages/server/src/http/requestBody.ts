import { checkPositiveFinite, checkWholeNumber } from '../shared/optionChecks'

/**
 * Larger bodies are refused (413) without reading on, unless a handler's
 * `maxBodyBytes` says otherwise: real ones are about 1 KiB.
 */
export const MAX_BODY_BYTES = 16 * 1024

/** A request body as a framework adapter found it. */
export type RequestBody =
  | { kind: 'text'; text: string }
  /** Already parsed upstream (Express/Koa body parsers). */
  | { kind: 'parsed'; value: unknown }
  /** Over `limitBytes`: the rest was not read. */
  | { kind: 'tooLarge'; limitBytes: number }
  /** The rest of the body did not arrive in time (bodyTimeoutMs). */
  | { kind: 'timedOut'; afterMs: number }

/** How long a body may take to arrive once the headers have, unless the handler is told otherwise. */
export const DEFAULT_BODY_TIMEOUT_MS = 10_000

/** How much of a body is read, and for how long. */
export interface BodyLimits {
  maxBytes: number
  timeoutMs: number
}

/** A handler's `maxBodyBytes` and `bodyTimeoutMs`, checked at creation. */
export function bodyLimits(options: { maxBodyBytes?: unknown; bodyTimeoutMs?: unknown }): BodyLimits {
  const { maxBodyBytes = MAX_BODY_BYTES, bodyTimeoutMs = DEFAULT_BODY_TIMEOUT_MS } = options
  checkWholeNumber(maxBodyBytes, 'maxBodyBytes', 'bytes')
  checkPositiveFinite(bodyTimeoutMs, 'bodyTimeoutMs')
  return { maxBytes: maxBodyBytes, timeoutMs: bodyTimeoutMs }
}

/** What a handler reads when not told otherwise (the fake WeChat's reader too). */
export const DEFAULT_BODY_LIMITS = bodyLimits({})

export const tooLarge = (limitBytes: number): RequestBody => ({ kind: 'tooLarge', limitBytes })
