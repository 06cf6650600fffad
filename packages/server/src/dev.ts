export {
  createFakeWeChat,
  type FakeClientRequest,
  type FakeWeChat,
  type FakeWeChatOptions,
  type FakeWeChatPath,
} from './dev/fakeWeChat'
export type { FakeActivity } from './dev/fakeActivities'
export type { FakeGroup } from './dev/groupPayload'
export { encryptOpenData, type EncryptedOpenData } from './dev/encryptOpenData'
export { startDevServer, DEV_APP_ID, type DevServer, type DevServerOptions } from './dev/devServer'
