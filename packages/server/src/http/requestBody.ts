import { checkPositiveFinite } from '../shared/optionChecks'

/** Larger bodies are refused (413) without reading on: real ones are about 1 KiB. */
export const MAX_BODY_BYTES = 16 * 1024

/** A request body as a framework adapter found it. */
export type RequestBody =
  | { kind: 'text'; text: string }
  /** Already parsed upstream (Express/Koa body parsers). */
  | { kind: 'parsed'; value: unknown }
  | { kind: 'tooLarge' }
  /** The rest of the body did not arrive in time (bodyTimeoutMs). */
  | { kind: 'timedOut'; afterMs: number }

export const TOO_LARGE: RequestBody = { kind: 'tooLarge' }

/** How long a body may take to arrive once the headers have, unless the handler is told otherwise. */
export const DEFAULT_BODY_TIMEOUT_MS = 10_000

/** A handler's `bodyTimeoutMs`, checked at creation. */
export function bodyTimeout(option: unknown): number {
  if (option === undefined) return DEFAULT_BODY_TIMEOUT_MS
  checkPositiveFinite(option, 'bodyTimeoutMs')
  return option
}
