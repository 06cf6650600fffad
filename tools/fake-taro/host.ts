/**
 * The WeChat host (`wx`) behind the fake Taro: callback-style APIs whose answers a
 * test sets. Each answer is either a success result or `{ fail: result }`, or a
 * function that makes one at call time (a real fake WeChat behind the host).
 */
type Settled = Record<string, unknown> | { fail: Record<string, unknown> }
export type Answer = Settled | (() => Settled | Promise<Settled>)

export interface CallbackOptions {
  success?(result: unknown): void
  fail?(result: unknown): void
  complete?(result: unknown): void
  [key: string]: unknown
}

export interface HostConfig {
  enterOptions?: Record<string, unknown>
  /** What Taro H5's getEnterOptionsSync reports. */
  webEnterOptions: Record<string, unknown>
  sdkVersion?: string
  getGroupEnterInfo: Answer
  getShareInfo: Answer
  login: Answer
  /** The chat tool's, on weapp with base library 3.7.8+; absent (undefined on Taro) unless a test sets it. */
  getChatToolInfo?: Answer
  request(options: Record<string, unknown>): Promise<{ statusCode: number; data: unknown }>
}

export function defaultHostConfig(): HostConfig {
  return {
    enterOptions: { scene: 1008, chatType: 3, shareTicket: '', query: {}, path: 'pages/index/index' },
    webEnterOptions: { scene: 0, shareTicket: '', query: {}, path: '' },
    sdkVersion: '3.8.0',
    getGroupEnterInfo: { errMsg: 'getGroupEnterInfo:ok', encryptedData: 'ZW5j', iv: 'aXY=' },
    getShareInfo: { errMsg: 'getShareInfo:ok', encryptedData: 'ZW5j', iv: 'aXY=' },
    login: { errMsg: 'login:ok', code: 'code-1' },
    request: async () => ({ statusCode: 404, data: '' }),
  }
}

/** Settles like a WeChat callback API: success or fail, then complete, on a later tick. */
export function answer(made: Answer, options: CallbackOptions): void {
  setTimeout(async () => {
    const result = typeof made === 'function' ? await made() : made
    if ('fail' in result && typeof result.fail === 'object') {
      options.fail?.(result.fail)
      options.complete?.(result.fail)
    } else {
      options.success?.(result)
      options.complete?.(result)
    }
  }, 0)
}
