import { useCallback } from 'react'
import { openChatToolInChat } from '../taro/chatTool'
import { useGroupEnterStore } from './useGroupEnterInfo'

/**
 * `open(url)`: enters the chat tool (a page of its subpackage) in the chat the app was
 * opened from, with no chat picker. Rejects (SCENE) until that chat is resolved. Stable,
 * and reading it re-renders nothing.
 */
export function useChatTool(): (url: string) => Promise<void> {
  const store = useGroupEnterStore('useChatTool')
  return useCallback((url: string) => openChatToolInChat(store.getState(), url), [store])
}
