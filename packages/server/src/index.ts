export { decryptOpenData, type DecryptOpenDataOptions } from './openData/decryptOpenData'
export { decryptGroupInfo } from './openData/groupFromPayload'
export { CLOCK_SKEW_SECONDS, type WatermarkPolicy } from './openData/watermark'
export { code2Session, type Code2SessionOptions, type WeChatSession } from './wechat/code2Session'
export { DEFAULT_ENDPOINT } from './wechat/wechatEndpoint'
export type { FetchLike, WeChatTransport } from './wechat/wechatRequest'
export { createGroupResolver, type GroupResolverOptions } from './resolver/createGroupResolver'
export type { ResolverRequestBody } from './resolver/resolverRequestBody'
/** @deprecated Renamed `ResolverRequestBody`: a "group request" is the client's call to your own API with a ticket. */
export type GroupRequestBody = import('./resolver/resolverRequestBody').ResolverRequestBody
export { createNodeHandler, type HandlerOptions, type NodeHandler, type NodeHandlerOptions } from './http/nodeHandler'
export { createFetchHandler } from './http/fetchHandler'
export { bodyParserErrorHandler } from './http/bodyParserErrors'
export type { HttpErrorCode } from './http/httpAnswer'
export { MAX_BODY_BYTES } from './http/requestBody'
export { MAX_CIPHERTEXT_BYTES } from './openData/cipherInput'
export {
  resolveCloudGroupInfo,
  type CloudGroupInfo,
  type CloudPolicy,
  type CloudTicketOptions,
} from './cloud/resolveCloudGroupInfo'
export { CLOUD_ID_EXPIRED, GROUP_ID_PATTERN } from './shared/wire'
export { OpenDataError, type OpenDataErrorCode } from './openData/OpenDataError'
export { WeChatApiError, WECHAT_UNREACHABLE } from './wechat/WeChatApiError'
export type { ChatType, GroupAnswer, GroupRoom, GroupWithTicket, ResolvedGroup, Room, RoomType } from './shared/wire'

export {
  verifyGroupTicket,
  type GroupTicketOptions,
  type TicketVerificationOptions,
  type VerifyGroupTicketOptions,
} from './ticket/verifyGroupTicket'
export type { TicketKeySet } from './ticket/ticketKeySet'
export type { TicketSigningOptions } from './ticket/ticketSigner'
export type { TicketKeyInput } from './ticket/ticketKeyPair'
export { GroupTicketError, type GroupTicketErrorCode } from './ticket/GroupTicketError'
export type { GroupTicketClaims } from './ticket/ticketClaims'
export { MIN_TICKET_SECRET_BYTES, type TicketSecretOptions } from './ticket/ticketSecrets'
export { DEFAULT_TICKET_TTL_SECONDS } from './ticket/issueGroupTicket'
export {
  requireGroupTicket,
  type GroupTicketMiddleware,
  type RequireGroupTicketOptions,
  type WithGroupTicket,
} from './http/guards/requireGroupTicket'
export { withGroupTicket } from './http/guards/withGroupTicket'

export { DEFAULT_SESSION_TTL_SECONDS, type SessionRecord, type SessionStore } from './sessions/sessionStore'
export { memorySessionStore, type MemorySessionStoreOptions } from './sessions/memorySessionStore'
export { redisSessionStore, type RedisSessionStoreOptions } from './sessions/redisSessionStore'
export type { IoRedisClientLike, NodeRedisClientLike } from './stores/redisClient'
export { SessionError, type SessionErrorCode } from './sessions/SessionError'

export {
  createAccessTokenCache,
  DEFAULT_RENEW_BEFORE_SECONDS,
  type AccessTokenCache,
  type AccessTokenCacheOptions,
} from './wechat/accessToken/accessTokenCache'
export type { AccessTokenRecord, AccessTokenStore } from './wechat/accessToken/tokenStore'
export { memoryTokenStore } from './wechat/accessToken/memoryTokenStore'
export { redisTokenStore, type RedisTokenStoreOptions } from './wechat/accessToken/redisTokenStore'
export { createActivityId, type ActivityId, type ActivityIdOptions } from './chatTool/createActivityId'
export {
  CHAT_TOOL_TEMPLATE_IDS,
  setChatToolMsg,
  type ChatToolMessageUpdate,
  type ChatToolTargetState,
  type MiniProgramVersionType,
} from './chatTool/setChatToolMsg'
