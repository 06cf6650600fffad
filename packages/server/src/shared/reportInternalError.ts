/** Receives errors that are bugs; an async reporter's promise is not awaited. */
export type InternalErrorReporter = (error: unknown) => void

export function reportToConsole(error: unknown): void {
  console.error('[@opengid/server] unexpected error while answering a request:', error)
}

/**
 * Hands a bug to `report`. A reporter that throws or rejects must not break
 * answering, nor end the process with an unhandled rejection: its failure
 * goes to the console, with the error it was given.
 */
export function reportInternalError(report: InternalErrorReporter, error: unknown): void {
  const reporterFailed = (failure: unknown) =>
    console.error('[@opengid/server] onInternalError failed:', failure, 'while reporting:', error)
  try {
    const pending: unknown = report(error)
    if (pending instanceof Promise) pending.catch(reporterFailed)
  } catch (failure) {
    reporterFailed(failure)
  }
}
