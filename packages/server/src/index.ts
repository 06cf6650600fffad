export { decryptOpenData, type DecryptOpenDataOptions } from './decryptOpenData'
export { decryptGroupInfo } from './decryptGroupInfo'
export { CLOCK_SKEW_SECONDS, type WatermarkPolicy } from './watermark'
export {
  code2Session,
  DEFAULT_ENDPOINT,
  type Code2SessionOptions,
  type FetchLike,
  type WeChatSession,
} from './code2Session'
export { createGroupResolver, type GroupResolverOptions } from './createGroupResolver'
export type { GroupRequestBody } from './groupRequest'
export { createNodeHandler, type HandlerOptions, type NodeHandler } from './nodeHandler'
export { createFetchHandler } from './fetchHandler'
export { bodyParserErrorHandler } from './bodyParserErrors'
export type { HttpErrorCode } from './httpAnswer'
export { MAX_BODY_BYTES } from './requestBody'
export { MAX_CIPHERTEXT_BYTES } from './cipherInput'
export { resolveCloudGroupInfo, CLOUD_ID_EXPIRED, type CloudGroupInfo } from './cloud'
export { OpenDataError, WeChatApiError, WECHAT_UNREACHABLE, type OpenDataErrorCode } from './errors'
export type { ChatType, ResolvedGroup } from './types'
