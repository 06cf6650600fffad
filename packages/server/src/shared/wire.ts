// The message between client and server is written once, in the client's core
// (packages/taro/src/core/wire.ts), and bundled into both packages from there.
export {
  CLOUD_ID_EXPIRED,
  SESSION_EXPIRED,
  isChatType,
  isGroupEnterSource,
  type ChatType,
  type Credentials,
  type ErrorBody,
  type GroupAnswer,
  type GroupEnterSource,
  type ResolverRequestBody,
  type GroupWithTicket,
  type HttpErrorCode,
} from '../../../taro/src/core/wire'

/** The group one entry resolves to (the wire's GroupIdentity): what tickets and sessions hold. */
export type { GroupIdentity as ResolvedGroup } from '../../../taro/src/core/wire'
