// @opengid/taro: the React binding over the vanilla entry (store, Taro bridge, resolvers).
export * from './vanilla'
export { GroupContext, type GroupContextProps } from './react/GroupContext'
export { useGroupEnterInfo, useOpenGid, type GroupEnterInfo } from './react/useGroupEnterInfo'
export { useGroupRequest } from './react/useGroupRequest'
export { useGroupTicket } from './react/useGroupTicket'
export { useChatTool } from './react/useChatTool'
export { GroupGate, type GroupGateProps } from './react/GroupGate'
export { GroupName, type GroupNameProps } from './react/GroupName'
