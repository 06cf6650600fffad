import type { SimulatedClient } from '@opengid/taro/testing'

/**
 * The H5 demo's WeChat client, read from the URL query, e.g. `?scene=1008&opengid=G_DEMO&chatType=3&sdk=3.5.0`;
 * `?mode=chatTool` plays WeChat opening the app as the chat's chat tool (base library 3.8.0 unless `sdk` says).
 */
export function scenarioFromQuery(search: string): SimulatedClient {
  const query = new URLSearchParams(search)
  const number = (key: string) => (query.has(key) && query.get(key) !== '' ? Number(query.get(key)) : undefined)
  const scene = number('scene') ?? 1008
  const fail = number('fail')
  const chatTool = query.get('mode') === 'chatTool'
  return {
    apiCategory: chatTool ? 'chatTool' : undefined,
    scene,
    chatType: number('chatType') ?? (scene === 1001 ? undefined : 3),
    // A card with a shareTicket (scene 1044) is the getShareInfo path on old base libraries.
    shareTicket: query.get('shareTicket') ?? (scene === 1044 ? 'demo-share-ticket' : undefined),
    sdkVersion: query.get('sdk') ?? (chatTool ? '3.8.0' : '3.5.0'),
    opengid: query.get('opengid') ?? 'G_DEMO',
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
  query: string
}

export const SCENARIOS: ScenarioLink[] = [
  { label: 'Group card (getGroupEnterInfo)', query: '?scene=1008&opengid=G_DEMO&chatType=3&sdk=3.5.0' },
  { label: 'Alice in group G_TEAM', query: '?scene=1008&opengid=G_TEAM&chatType=3&user=alice' },
  { label: 'Bob in group G_TEAM', query: '?scene=1008&opengid=G_TEAM&chatType=3&user=bob' },
  { label: 'Another group', query: '?scene=1008&opengid=G_OTHER&chatType=3&sdk=3.5.0' },
  { label: 'Old base library (getShareInfo)', query: '?scene=1044&opengid=G_LEGACY&sdk=2.9.0' },
  { label: 'Not from a group', query: '?scene=1001' },
  { label: 'Left the group', query: '?scene=1008&fail=65206' },
  { label: 'Base library too old', query: '?scene=1008&sdk=2.5.0' },
  { label: 'Alice in the chat tool of G_TODO', query: '?mode=chatTool&opengid=G_TODO&member=alice' },
  { label: 'Bob in the chat tool of G_TODO', query: '?mode=chatTool&opengid=G_TODO&member=bob' },
]
