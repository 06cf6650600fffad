import { checkNonEmptyString, checkPositiveFinite } from '../shared/optionChecks'

interface WeChatOptions {
  appId?: unknown
  secret?: unknown
  timeoutMs?: unknown
}

/** The checks every factory that calls WeChat with the app's credentials shares. */
export function checkWeChatOptions({ appId, secret, timeoutMs }: WeChatOptions): void {
  checkNonEmptyString(appId, 'appId')
  checkNonEmptyString(secret, 'secret')
  if (timeoutMs !== undefined) checkPositiveFinite(timeoutMs, 'timeoutMs')
}
