export const DEFAULT_ENDPOINT = 'https://api.weixin.qq.com'
/**
 * The environment variable that points every WeChat call at another origin (a
 * fake WeChat) without changing code, wherever no `endpoint` option is given.
 */
const ENDPOINT_ENV = 'OPENGID_WECHAT_ENDPOINT'

/** The origin to call: the option, else the environment variable, else WeChat's. */
export function wechatEndpoint(option: string | undefined): string {
  if (option !== undefined) return option
  // Read on each call, not at import, so a test or a dev script can set it late;
  // `process` is missing in runtimes without Node compatibility.
  const fromEnv = typeof process === 'undefined' ? undefined : process.env[ENDPOINT_ENV]
  return fromEnv === undefined || fromEnv === '' ? DEFAULT_ENDPOINT : fromEnv
}

/** Resolved once, so a mistyped option or environment variable fails at start-up, not on each request. */
export function checkedEndpoint(option: string | undefined): string {
  const endpoint = wechatEndpoint(option)
  let protocol: string | undefined
  try {
    protocol = new URL(endpoint).protocol
  } catch {
    protocol = undefined
  }
  if (protocol !== 'https:' && protocol !== 'http:') {
    const source = option === undefined ? `the ${ENDPOINT_ENV} environment variable` : 'endpoint'
    throw new TypeError(`${source} must be an http(s) URL such as https://api.weixin.qq.com`)
  }
  return endpoint
}
