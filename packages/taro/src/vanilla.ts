// @opengid/taro/vanilla: the store, the Taro bridge and resolvers, no UI framework.
// For a binding of your own, or any code outside components.
export { createGroupEnterStore, type GroupEnterStore, type GroupEnterStoreOptions } from './core/store'
export {
  GroupEnterError,
  isGroupEnterError,
  type GroupEnterErrorCode,
  type ServerErrorCode,
} from './core/GroupEnterError'
export { DEFAULT_GROUP_SCENES, MIN_SDK } from './core/plan'
// The one interface an app augments to register single chats: every entry re-exports it from here.
export type { Register } from './core/register'
export type {
  BridgeStorage,
  ChatType,
  EnterOptions,
  GroupBridge,
  GroupEnterInfoOptions,
  GroupEnterPayload,
  GroupEnterSource,
  GroupEnterState,
  GroupEnterStatus,
  GroupResolver,
  PrepareContext,
  ResolveContext,
  ResolvedGroup,
  Room,
  RoomType,
} from './core/types'
export {
  httpResolver,
  type HttpResolverOptions,
  type HttpRequest,
  type HttpRequestOptions,
  type HttpResponse,
} from './taro/httpResolver'
export { cloudResolver, type CloudResolverOptions } from './taro/cloudResolver'
export { login, taroBridge } from './taro/taroBridge'
export {
  getChatToolInfo,
  notifyGroupMembers,
  notifyTitleLength,
  openChatTool,
  openChatToolInChat,
  selectGroupMembers,
  shareAppMessageToGroup,
  type ChatToolPayload,
  type NotifyGroupMembersOptions,
  type OpenChatToolOptions,
  type ShareAppMessageToGroupOptions,
} from './taro/chatTool'
export {
  createGroupRequest,
  type GroupRequest,
  type GroupRequestOptions,
  type GroupRequestResponse,
  type SendRequest,
} from './taro/groupRequest'
