import type { GroupEnterError, GroupEnterState } from '@opengid/taro'

const CHAT_TYPES: Record<number, string> = {
  1: 'WeChat single chat',
  2: 'WeCom single chat',
  3: 'WeChat group',
  4: 'WeCom interop group',
}

export function describeChatType(chatType: GroupEnterState['chatType']): string {
  return chatType ? `${chatType} · ${CHAT_TYPES[chatType]}` : '—'
}

/** What a person should read for each failure, and whether trying again can help. */
export function describeError(error: GroupEnterError): { text: string; canRetry: boolean } {
  switch (error.code) {
    case 'LEFT_GROUP':
      return { text: 'You are no longer a member of this group.', canRetry: false }
    case 'SCENE':
      return { text: 'WeChat says this way of opening the app carries no group information.', canRetry: false }
    case 'TIMEOUT':
      return { text: 'The server took too long to answer.', canRetry: true }
    case 'RESOLVER':
      return {
        text: `Our server could not work out the group${error.serverCode ? ` (${error.serverCode})` : ''}.`,
        canRetry: true,
      }
    case 'INVALID_RESPONSE':
      return { text: 'Our server answered with something unexpected.', canRetry: true }
    default:
      return {
        text: `WeChat could not give the group information${error.errCode ? ` (error ${error.errCode})` : ''}.`,
        canRetry: true,
      }
  }
}
