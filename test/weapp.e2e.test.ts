import path from 'node:path'
import { startDevServer, type DevServer } from '@opengid/server/dev'
import { ROOT } from '../scripts/taroBuild'
import { launchWeapp, readWeappBundle, type Entry, type WeappBundle, type WeappHost } from './weapp-host'

// The compiled demo (dist/weapp) in a host that plays the WeChat client,
// against the real resolver endpoint and the fake WeChat behind it. The page's
// layout is not part of the contract: everything is found by its text.

const APP_ID = 'wx00000000000e2e00'

const GROUP_CARD: Entry = { scene: 1008, chatType: 3, shareTicket: 'ticket-1', group: { opengid: 'G_WEAPP_1' } }
const OTHER_GROUP_CARD: Entry = { scene: 1044, chatType: 3, shareTicket: 'ticket-2', group: { opengid: 'G_WEAPP_2' } }

// Above the host's 5 s waits, so that a missing text fails with what the page showed instead.
jest.setTimeout(15_000)

let server: DevServer
let bundle: WeappBundle
let app: WeappHost | undefined

beforeAll(async () => {
  // Built by `npm test` before jest starts (scripts/testBuilds.ts), with the default resolver URL.
  bundle = readWeappBundle(path.join(ROOT, 'dist/weapp'))
  server = await startDevServer({ port: 0, appId: APP_ID, secret: 'e2e-secret' })
})

afterAll(() => server?.close())

afterEach(() => app?.close())

/** A fresh app instance: its own sandbox, module registry and Taro runtime. */
function launch(entry: Entry): WeappHost {
  app = launchWeapp({ bundle, fake: server.fake, serverUrl: server.url, entry })
  return app
}

function resolverPosts(host: WeappHost): number {
  return host.log
    .of('request')
    .map(({ detail }) => detail as { url: string; method?: string })
    .filter(({ url, method }) => method === 'POST' && new URL(url).pathname === '/api/opengid').length
}

/** The calls a group resolution makes, per API. */
function groupWork(host: WeappHost): Record<string, number> {
  return Object.fromEntries(
    ['login', 'getGroupEnterInfo', 'getShareInfo', 'request'].map((api) => [api, host.log.count(api)]),
  )
}

test('a launch from a group card shows the opengid after one bridge call and one resolver request', async () => {
  const exchanges = server.fake.exchanges
  const host = launch(GROUP_CARD)
  await host.waitForText('G_WEAPP_1')
  await host.settled()
  expect(host.log.count('getGroupEnterInfo')).toBe(1)
  expect(resolverPosts(host)).toBe(1)
  // The server exchanged this launch's code: the request really reached /api/opengid's code2Session.
  expect(server.fake.exchanges - exchanges).toBe(1)
})

test('re-shown from another group card, the app shows the second group after exactly one more bridge call', async () => {
  const host = launch(GROUP_CARD)
  await host.waitForText('G_WEAPP_1')
  await host.settled()
  const bridgeCalls = host.log.count('getGroupEnterInfo')
  const posts = resolverPosts(host)
  host.showApp(OTHER_GROUP_CARD)
  await host.waitForText('G_WEAPP_2')
  await host.settled()
  expect(host.findText('G_WEAPP_1')).toBeUndefined()
  expect(host.log.count('getGroupEnterInfo')).toBe(bridgeCalls + 1)
  expect(resolverPosts(host)).toBe(posts + 1)
})

test('re-shown after a hide with the same enter options, the app resolves again: another card may carry another group', async () => {
  const host = launch(GROUP_CARD)
  await host.waitForText('G_WEAPP_1')
  await host.settled()
  const before = groupWork(host)
  host.showApp(GROUP_CARD)
  await host.waitForText('G_WEAPP_1')
  await host.settled()
  expect(host.log.count('App.onShow')).toBe(2)
  expect(groupWork(host).getGroupEnterInfo).toBe(before.getGroupEnterInfo + 1)
  expect(resolverPosts(host)).toBe(1 + 1)
})

test('a second launch of the same install takes the warm path: no wx.login and no code2Session', async () => {
  const first = launch(GROUP_CARD)
  await first.waitForText('G_WEAPP_1')
  await first.settled()
  first.close()
  const exchanges = server.fake.exchanges
  app = launchWeapp({ bundle, fake: server.fake, serverUrl: server.url, entry: GROUP_CARD, storage: first.storage })
  await app.waitForText('G_WEAPP_1')
  await app.settled()
  expect(app.log.count('login')).toBe(0)
  expect(app.log.count('checkSession')).toBe(1)
  expect(resolverPosts(app)).toBe(1)
  expect(server.fake.exchanges).toBe(exchanges)
})

test('a launch that is not from a group (scene 1001) shows the none state without a bridge call', async () => {
  const host = launch({ scene: 1001 })
  await host.waitForText(/^none$/)
  await host.settled()
  expect(host.log.count('getGroupEnterInfo')).toBe(0)
  expect(host.log.count('getShareInfo')).toBe(0)
  expect(resolverPosts(host)).toBe(0)
})

test('a user who left the group (errCode 65206) sees the error state', async () => {
  const host = launch({ scene: 1008, chatType: 3, fail: { errCode: 65206, reason: 'user is not in the group' } })
  await host.waitForText(/^error$/)
  await host.settled()
  expect(host.log.count('getGroupEnterInfo')).toBe(1)
  expect(resolverPosts(host)).toBe(0)
})
