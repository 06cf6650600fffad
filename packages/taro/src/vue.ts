// @opengid/taro/vue: the Vue 3 binding over the vanilla entry (store, Taro bridge, resolvers).
export * from './vanilla'
export { GroupContext } from './vue/GroupContext'
export { provideGroupContext, type GroupContextProps } from './vue/provideGroupContext'
export { useGroupEnterInfo, useOpenGid, type GroupEnterInfo } from './vue/useGroupEnterInfo'
export { useGroupRequest, useGroupTicket } from './vue/useGroupTicket'
export { useChatTool } from './vue/useChatTool'
export { GroupGate, type GroupGateSlots } from './vue/GroupGate'
export { GroupName, type GroupNameSlots } from './vue/GroupName'
