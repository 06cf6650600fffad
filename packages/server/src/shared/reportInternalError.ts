/** Receives errors that are bugs; an async reporter's promise is not awaited. */
export type InternalErrorReporter = (error: unknown) => void

/** Where a report goes when the app gave no onInternalError. */
function reportToConsole(error: unknown): void {
  console.error('[@opengid/server] internal error:', error)
}

/**
 * Hands an error to `report`, or to the console when there is none: every
 * option named onInternalError defaults here. A reporter that throws or
 * rejects must not break answering, nor end the process with an unhandled
 * rejection: its failure goes to the console, with the error it was given.
 */
export function reportInternalError(report: InternalErrorReporter | undefined, error: unknown): void {
  const reporterFailed = (failure: unknown) =>
    console.error('[@opengid/server] onInternalError failed:', failure, 'while reporting:', error)
  try {
    const pending: unknown = (report ?? reportToConsole)(error)
    if (pending instanceof Promise) pending.catch(reporterFailed)
  } catch (failure) {
    reporterFailed(failure)
  }
}
