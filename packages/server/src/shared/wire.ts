// The message between client and server is written once, in the client's core
// (packages/taro/src/core/wire.ts), and bundled into both packages from there.
// This is the one file of the server that reaches into the client: every other
// file reads the wire from here.
export {
  CLOUD_ID_EXPIRED,
  GROUP_ID_PATTERN,
  MAX_CREDENTIAL_LENGTH,
  SESSION_EXPIRED,
  isChatType,
  isGroupEnterSource,
  isGroupId,
  type ChatType,
  type Credentials,
  type ErrorBody,
  type GroupAnswer,
  type GroupEnterSource,
  type ResolverRequestBody,
  type GroupWithTicket,
  type GroupRoom,
  type HttpErrorCode,
  type Room,
  type RoomType,
} from '../../../taro/src/core/wire'

/** The group one entry resolves to (the wire's GroupIdentity): what tickets and sessions hold. */
export type { GroupIdentity as ResolvedGroup } from '../../../taro/src/core/wire'
