import { openChatToolInChat } from '../taro/chatTool'
import { injectGroupStore } from './context'

/**
 * `open(url)`: enters the chat tool (a page of its subpackage) in the chat the app was
 * opened from, with no chat picker. Rejects (SCENE) until that chat is resolved.
 */
export function useChatTool(): (url: string) => Promise<void> {
  const store = injectGroupStore('useChatTool')
  return (url) => openChatToolInChat(store.getState(), url)
}
