export { GroupContext, type GroupContextProps } from './GroupContext'
export { useGroupEnterInfo, useOpenGid, type GroupEnterInfo } from './useGroupEnterInfo'
export { useGroupRequest, useGroupTicket } from './useGroupTicket'
export {
  createGroupRequest,
  type GroupRequest,
  type GroupRequestOptions,
  type GroupRequestResponse,
  type SendRequest,
} from './groupRequest'
export { GroupGate, type GroupGateProps } from './GroupGate'
export { GroupName, type GroupNameProps } from './GroupName'
export {
  httpResolver,
  type HttpResolverOptions,
  type HttpRequest,
  type HttpRequestOptions,
  type HttpResponse,
} from './resolvers/httpResolver'
export { cloudResolver, type CloudResolverOptions } from './resolvers/cloudResolver'
export { taroBridge } from './taroBridge'
export { createGroupEnterStore, type GroupEnterStore, type GroupEnterStoreOptions } from './store'
export { GroupEnterError, isGroupEnterError, type GroupEnterErrorCode } from './GroupEnterError'
export { DEFAULT_GROUP_SCENES, MIN_SDK } from './plan'
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
} from './types'
