export { decryptOpenData, type DecryptOpenDataOptions } from './decryptOpenData'
export { decryptGroupInfo } from './decryptGroupInfo'
export { CLOCK_SKEW_SECONDS, type WatermarkPolicy } from './watermark'
export { code2Session, type Code2SessionOptions, type WeChatSession } from './code2Session'
export { DEFAULT_ENDPOINT } from './wechatEndpoint'
export type { FetchLike, WeChatTransport } from './wechatRequest'
export { createGroupResolver, type GroupResolverOptions } from './createGroupResolver'
export type { ResolverRequestBody } from './groupRequest'
/** @deprecated Renamed `ResolverRequestBody`: a "group request" is the client's call to your own API with a ticket. */
export type GroupRequestBody = import('./groupRequest').ResolverRequestBody
export { createNodeHandler, type HandlerOptions, type NodeHandler, type NodeHandlerOptions } from './nodeHandler'
export { createFetchHandler } from './fetchHandler'
export { bodyParserErrorHandler } from './bodyParserErrors'
export type { HttpErrorCode } from './httpAnswer'
export { MAX_BODY_BYTES } from './requestBody'
export { MAX_CIPHERTEXT_BYTES } from './cipherInput'
export { GROUP_ID_PATTERN } from '../../taro/src/core/wire'
export { resolveCloudGroupInfo, type CloudGroupInfo, type CloudTicketOptions } from './cloud'
export { CLOUD_ID_EXPIRED } from './types'
export { OpenDataError, WeChatApiError, WECHAT_UNREACHABLE, type OpenDataErrorCode } from './errors'
export type { ChatType, GroupAnswer, GroupWithTicket, ResolvedGroup } from './types'

export { verifyGroupTicket, type GroupTicketOptions, type VerifyGroupTicketOptions } from './ticket/verifyGroupTicket'
export { GroupTicketError, type GroupTicketErrorCode } from './ticket/GroupTicketError'
export type { GroupTicketClaims } from './ticket/ticketClaims'
export { MIN_TICKET_SECRET_BYTES, type TicketSecretOptions } from './ticket/ticketSecrets'
export { DEFAULT_TICKET_TTL_SECONDS } from './ticket/issueGroupTicket'
export {
  requireGroupTicket,
  type GroupTicketMiddleware,
  type RequireGroupTicketOptions,
  type WithGroupTicket,
} from './ticket/requireGroupTicket'
export { withGroupTicket } from './ticket/withGroupTicket'

export { DEFAULT_SESSION_TTL_SECONDS, type SessionRecord, type SessionStore } from './sessions/sessionStore'
export { memorySessionStore, type MemorySessionStoreOptions } from './sessions/memorySessionStore'
export { redisSessionStore, type RedisSessionStoreOptions } from './sessions/redisSessionStore'
export type { IoRedisClientLike, NodeRedisClientLike } from './redisClient'
export { SessionError, type SessionErrorCode } from './sessions/SessionError'

export {
  createAccessTokenCache,
  DEFAULT_RENEW_BEFORE_SECONDS,
  type AccessTokenCache,
  type AccessTokenCacheOptions,
} from './accessToken/accessTokenCache'
export type { AccessTokenRecord, AccessTokenStore } from './accessToken/tokenStore'
export { memoryTokenStore } from './accessToken/memoryTokenStore'
export { redisTokenStore, type RedisTokenStoreOptions } from './accessToken/redisTokenStore'
export { createActivityId, type ActivityId, type ActivityIdOptions } from './chatTool/createActivityId'
export {
  CHAT_TOOL_TEMPLATE_IDS,
  setChatToolMsg,
  type ChatToolMessageUpdate,
  type ChatToolTargetState,
  type MiniProgramVersionType,
} from './chatTool/setChatToolMsg'
