import type { SimulatedClient } from '@opengid/taro/testing'

/**
 * The H5 demo's WeChat client, read from the URL query, e.g. `?scene=1008&opengid=G_DEMO&chatType=3&sdk=3.5.0`;
 * `?mode=chatTool` plays WeChat opening the app as the chat's chat tool (base library 3.8.0 unless `sdk` says);
 * `?chatType=1` a single chat (`&room=` its open_single_roomid, default S_DEMO; base library 3.8.0 unless `sdk` says).
 */
export function scenarioFromQuery(search: string): SimulatedClient {
  const query = new URLSearchParams(search)
  const number = (key: string) => (query.has(key) && query.get(key) !== '' ? Number(query.get(key)) : undefined)
  const scene = number('scene') ?? 1008
  const fail = number('fail')
  const chatTool = query.get('mode') === 'chatTool'
  const chatType = number('chatType')
  // A single chat's card is scene 1007; the chat tool keeps its own scene.
  const single = chatType === 1 || chatType === 2
  return {
    apiCategory: chatTool ? 'chatTool' : undefined,
    scene: single && !query.has('scene') ? 1007 : scene,
    chatType: chatType ?? (scene === 1001 ? undefined : 3),
    // A card with a shareTicket (scene 1044) is the getShareInfo path on old base libraries.
    shareTicket: query.get('shareTicket') ?? (scene === 1044 ? 'demo-share-ticket' : undefined),
    // Single chats and the chat tool need 3.7.8.
    sdkVersion: query.get('sdk') ?? (chatTool || single ? '3.8.0' : '3.5.0'),
    opengid: query.get('opengid') ?? 'G_DEMO',
    // Both people of a single chat see the same id (`room`), as WeChat gives them.
    openSingleRoomid: query.get('room') ?? 'S_DEMO',
    fail: fail === undefined ? undefined : { errCode: fail },
  }
}

/** The simulated WeChat user (`?user=alice`, or `?member=alice` in the chat tool): two users in one group see each other's check-ins. */
export function userFromQuery(search: string): string | undefined {
  const query = new URLSearchParams(search)
  const user = query.get('member') ?? query.get('user')
  return user && /^[A-Za-z0-9_-]{1,32}$/.test(user) ? user : undefined
}

export interface ScenarioLink {
  label: string
  /** The label on the docs site's Chinese "try it" page. */
  zh: string
  query: string
}

export const SCENARIOS: ScenarioLink[] = [
  {
    label: 'Group card (getGroupEnterInfo)',
    zh: '群聊卡片（getGroupEnterInfo）',
    query: '?scene=1008&opengid=G_DEMO&chatType=3&sdk=3.5.0',
  },
  {
    label: 'Alice in group G_TEAM',
    zh: 'Alice 在群 G_TEAM',
    query: '?scene=1008&opengid=G_TEAM&chatType=3&user=alice',
  },
  { label: 'Bob in group G_TEAM', zh: 'Bob 在群 G_TEAM', query: '?scene=1008&opengid=G_TEAM&chatType=3&user=bob' },
  { label: 'Another group', zh: '另一个群', query: '?scene=1008&opengid=G_OTHER&chatType=3&sdk=3.5.0' },
  {
    label: 'Old base library (getShareInfo)',
    zh: '旧版基础库（getShareInfo）',
    query: '?scene=1044&opengid=G_LEGACY&sdk=2.9.0',
  },
  { label: 'Not from a group', zh: '不是从群聊打开', query: '?scene=1001' },
  { label: 'Left the group', zh: '已退出该群', query: '?scene=1008&fail=65206' },
  { label: 'Base library too old', zh: '基础库版本过低', query: '?scene=1008&sdk=2.5.0' },
  {
    label: 'Alice in the chat tool of G_TODO',
    zh: 'Alice 在 G_TODO 的聊天工具中',
    query: '?mode=chatTool&opengid=G_TODO&member=alice',
  },
  {
    label: 'Bob in the chat tool of G_TODO',
    zh: 'Bob 在 G_TODO 的聊天工具中',
    query: '?mode=chatTool&opengid=G_TODO&member=bob',
  },
  { label: 'Alice in a single chat with Bob', zh: 'Alice 与 Bob 单聊', query: '?chatType=1&room=S_PAIR&user=alice' },
  { label: 'Bob in that single chat', zh: 'Bob 在这个单聊中', query: '?chatType=1&room=S_PAIR&user=bob' },
  {
    label: 'Alice in the chat tool of that single chat',
    zh: 'Alice 在这个单聊的聊天工具中',
    query: '?mode=chatTool&chatType=1&room=S_PAIR&member=alice',
  },
  {
    label: 'Bob in the chat tool of that single chat',
    zh: 'Bob 在这个单聊的聊天工具中',
    query: '?mode=chatTool&chatType=1&room=S_PAIR&member=bob',
  },
]
