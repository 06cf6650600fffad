import { OpenDataError } from '@opengid/server'

/** Runs `run`: its result, or the OpenDataError it threw. Anything else thrown fails the test. */
export function outcome<T>(run: () => T): T | OpenDataError {
  try {
    return run()
  } catch (error) {
    if (error instanceof OpenDataError) return error
    throw error
  }
}

/** The OpenDataError `run` throws; returning normally fails the test. */
export function openDataFailure(run: () => unknown): OpenDataError {
  const result = outcome(run)
  if (result instanceof OpenDataError) return result
  throw new Error(`expected an OpenDataError, got ${JSON.stringify(result)}`)
}
