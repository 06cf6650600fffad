/** A failure as WeChat reports it: errMsg is '<api>:fail <reason>'. */
export interface WxError {
  errMsg: string
  errCode?: number
}

/** The callback options every asynchronous wx API takes. */
export interface Callbacks<T> {
  success?(result: T): void
  fail?(error: WxError): void
  complete?(result: T | WxError): void
}

export function succeed<T>(options: Callbacks<T>, result: T): void {
  options.success?.(result)
  options.complete?.(result)
}

export function fail<T>(options: Callbacks<T>, error: WxError): void {
  options.fail?.(error)
  options.complete?.(error)
}
