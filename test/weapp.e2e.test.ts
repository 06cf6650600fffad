import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { startDevServer, type DevServer } from '@opengid/server/dev'
import { ROOT } from '../tools/root'
import { launchWeapp, readWeappBundle, type Entry, type WeappBundle, type WeappHost } from '../tools/weapp-host'

// The compiled demo (dist/weapp), drawn by WeChat's own component renderer
// (miniprogram-simulate: j-component on exparser, templates compiled by wcc),
// against the real resolver endpoint and the fake WeChat behind it. Every
// assertion on what the page shows reads the drawn tree, and taps go through
// the renderer. The hand-made part of tools/weapp-host is the WeChat client
// around the render layer, which the renderer does not play: the wx APIs and
// App/Page lifecycles (launch, hide, re-show), the app's timers, and the log
// that counts calls. The page's layout is not part of the contract: everything
// is found by its text.

const APP_ID = 'wx00000000000e2e00'

const GROUP_CARD: Entry = { scene: 1008, chatType: 3, shareTicket: 'ticket-1', group: { opengid: 'G_WEAPP_1' } }
const OTHER_GROUP_CARD: Entry = { scene: 1044, chatType: 3, shareTicket: 'ticket-2', group: { opengid: 'G_WEAPP_2' } }

const NO_CHECK_INS = 'Nobody has checked in to this group yet.'

// Above the host's 5 s waits, so that a missing text fails with what the page showed instead.
jest.setTimeout(15_000)

let server: DevServer
let bundle: WeappBundle
const apps: WeappHost[] = []

beforeAll(async () => {
  // Built by `npm test` before jest starts (scripts/testBuilds.ts), with the default resolver URL.
  bundle = readWeappBundle(path.join(ROOT, 'dist/weapp'))
  server = await startDevServer({ port: 0, appId: APP_ID, secret: 'e2e-secret' })
})

afterAll(() => server?.close())

afterEach(() => apps.splice(0).forEach((app) => app.close()))

/** A fresh app instance: its own sandbox, module registry, Taro runtime and drawn page. */
function launch(
  entry: Entry,
  options: { user?: string; storage?: Map<string, unknown>; from?: WeappBundle; sdkVersion?: string } = {},
) {
  const app = launchWeapp({
    bundle: options.from ?? bundle,
    fake: server.fake,
    serverUrl: server.url,
    entry,
    ...options,
  })
  apps.push(app)
  return app
}

function posts(host: WeappHost, pathname: RegExp): number {
  return host.log
    .of('request')
    .map(({ detail }) => detail as { url: string; method?: string })
    .filter(({ url, method }) => method === 'POST' && pathname.test(new URL(url).pathname)).length
}

const resolverPosts = (host: WeappHost) => posts(host, /^\/api\/opengid$/)

test('a launch from a group card draws the opengid after one bridge call and one resolver request', async () => {
  const exchanges = server.fake.exchanges
  const host = launch(GROUP_CARD)
  await host.waitForText(/^G_WEAPP_1$/)
  await host.settled()
  expect(host.texts()).toEqual(
    expect.arrayContaining(['Opened from a group chat', 'resolved', '3 · WeChat group', '1008']),
  )
  // The group-scoped section got past the gate with the ticket: the check-in list loaded.
  expect(host.texts()).toContain(NO_CHECK_INS)
  expect(host.log.count('getGroupEnterInfo')).toBe(1)
  expect(resolverPosts(host)).toBe(1)
  // The server exchanged this launch's code: the request really reached /api/opengid's code2Session.
  expect(server.fake.exchanges - exchanges).toBe(1)
})

test('re-shown from another group card, the app draws the second group and never the first in between', async () => {
  const host = launch(GROUP_CARD)
  await host.waitForText(/^G_WEAPP_1$/)
  await host.settled()
  const bridgeCalls = host.log.count('getGroupEnterInfo')
  const resolved = resolverPosts(host)
  const framesBefore = host.renders.length
  host.showApp(OTHER_GROUP_CARD)
  await host.waitForText(/^G_WEAPP_2$/)
  await host.settled()
  const since = host.renders.slice(framesBefore)
  expect(since.filter(({ texts }) => texts.some((text) => text.includes('G_WEAPP_1')))).toEqual([])
  expect(since[0].texts).toContain('Finding out which group you came from…')
  expect(host.log.count('getGroupEnterInfo')).toBe(bridgeCalls + 1)
  expect(resolverPosts(host)).toBe(resolved + 1)
})

test('re-shown after a hide with the same enter options, the app resolves again: another card may carry another group', async () => {
  const host = launch(GROUP_CARD)
  await host.waitForText(/^G_WEAPP_1$/)
  await host.settled()
  const bridgeCalls = host.log.count('getGroupEnterInfo')
  host.showApp(GROUP_CARD)
  await host.waitForText(/^G_WEAPP_1$/)
  await host.settled()
  expect(host.log.count('App.onShow')).toBe(2)
  expect(host.log.count('getGroupEnterInfo')).toBe(bridgeCalls + 1)
  expect(resolverPosts(host)).toBe(1 + 1)
})

test('a second launch of the same install takes the warm path: no wx.login and no code2Session', async () => {
  const first = launch(GROUP_CARD)
  await first.waitForText(/^G_WEAPP_1$/)
  await first.settled()
  first.close()
  const exchanges = server.fake.exchanges
  const second = launch(GROUP_CARD, { storage: first.storage })
  await second.waitForText(/^G_WEAPP_1$/)
  await second.settled()
  expect(second.log.count('login')).toBe(0)
  // The server's answer is the check: nothing waits for wx.checkSession.
  expect(second.log.count('checkSession')).toBe(0)
  expect(resolverPosts(second)).toBe(1)
  expect(server.fake.exchanges).toBe(exchanges)
})

test('a key rotated between launches (the app logged in elsewhere): one login and one more bridge call, the right group', async () => {
  const first = launch(GROUP_CARD, { user: 'rotating' })
  await first.waitForText(/^G_WEAPP_1$/)
  await first.settled()
  first.close()
  server.fake.login('rotating')
  const second = launch(GROUP_CARD, { user: 'rotating', storage: first.storage })
  await second.waitForText(/^G_WEAPP_1$/)
  await second.settled()
  expect(second.log.count('login')).toBe(1)
  expect(second.log.count('getGroupEnterInfo')).toBe(2)
  expect(resolverPosts(second)).toBe(2)
  expect(second.texts().join(' ')).not.toMatch(/error|failed/i)
})

test('tapping "Check in" through the renderer draws the new check-in, and another member of the group sees it', async () => {
  const opengid = 'G_WEAPP_CHECKIN'
  const card: Entry = { ...GROUP_CARD, group: { opengid } }
  const host = launch(card, { user: 'alice' })
  await host.waitForText(NO_CHECK_INS)
  await host.settled()
  host.tap(/^Check in$/)
  await host.waitForText(/^alice checked in at /)
  await host.settled()
  expect(host.findText(NO_CHECK_INS)).toBeUndefined()
  expect(posts(host, /\/checkins$/)).toBe(1)

  const other = launch(card, { user: 'bob' })
  await other.waitForText(/^alice checked in at /)
})

test('a launch that is not from a group (scene 1001) draws the none state without login or bridge call', async () => {
  const host = launch({ scene: 1001 })
  await host.waitForText(/^none$/)
  await host.settled()
  expect(host.texts()).toEqual(
    expect.arrayContaining([
      'Not opened from a group chat',
      'Open this mini program from a group chat card to check in with your group.',
    ]),
  )
  expect(host.log.count('login')).toBe(0)
  expect(host.log.count('getGroupEnterInfo')).toBe(0)
  expect(host.log.count('getShareInfo')).toBe(0)
  expect(host.log.count('request')).toBe(0)
})

test('a user who left the group (errCode 65206) is told so, with no retry offered', async () => {
  const host = launch({ scene: 1008, chatType: 3, fail: { errCode: 65206, reason: 'user is not in the group' } })
  await host.waitForText('You are no longer a member of this group.')
  await host.settled()
  expect(host.texts()).toEqual(expect.arrayContaining(['Could not get the group', 'error']))
  expect(host.findText('Try again')).toBeUndefined()
  expect(host.log.count('getGroupEnterInfo')).toBe(1)
  expect(resolverPosts(host)).toBe(0)
})

describe("the chat tool: the independent subpackage app.json's chatTools names", () => {
  const CHAT_TOOL_PAGE = 'packageChatTool/pages/todo/index'
  const inChatTool = (opengid: string): Entry => ({
    // WeChat's signal is apiCategory; the scene plays no part in the chat tool.
    scene: 1001,
    page: CHAT_TOOL_PAGE,
    apiCategory: 'chatTool',
    chatType: 3,
    group: { opengid },
  })

  test('app.json declares it as WeChat asks: independent, Skyline, glass-easel, under 500 KB', () => {
    const app = bundle.json<{ subPackages: unknown[]; chatTools: unknown[] }>('app.json')
    expect(app.subPackages).toEqual([
      {
        root: 'packageChatTool',
        pages: ['pages/todo/index'],
        independent: true,
        renderer: 'skyline',
        componentFramework: 'glass-easel',
      },
    ])
    expect(app.chatTools).toEqual([
      expect.objectContaining({ root: 'packageChatTool', entryPagePath: 'pages/todo/index' }),
    ])
    const bytes = (dir: string): number =>
      readdirSync(dir, { withFileTypes: true }).reduce(
        (sum, item) =>
          sum + (item.isDirectory() ? bytes(path.join(dir, item.name)) : statSync(path.join(dir, item.name)).size),
        0,
      )
    expect(bytes(path.join(ROOT, 'dist/weapp/packageChatTool'))).toBeLessThanOrEqual(500 * 1024)
  })

  test('opened in a chat, it runs alone (no app.js), calls getChatToolInfo once and draws the member it is', async () => {
    const opengid = 'G_WEAPP_TODO'
    const host = launch(inChatTool(opengid), { user: 'alice' })
    await host.waitForText('Nothing to do in this group yet.')
    await host.settled()
    expect(host.texts()).toEqual(
      expect.arrayContaining([
        opengid,
        'getChatToolInfo',
        `You are ${server.fake.groupOpenid('alice', opengid)} in this chat.`,
      ]),
    )
    expect(host.log.count('getChatToolInfo')).toBe(1)
    expect(host.log.count('getGroupEnterInfo')).toBe(0)
    expect(host.log.count('App.onLaunch')).toBe(0)
    expect(resolverPosts(host)).toBe(1)
  })

  /** Adds a to-do to `path` with the ticket the page sent for its list (the host has no keyboard). */
  async function addTodo(host: WeappHost, path: string, text: string) {
    const read = host.log
      .of('request')
      .map(({ detail }) => detail as { url: string; header?: Record<string, string> })
      .find(({ url }) => url.endsWith('/todos'))
    const authorization = read?.header?.Authorization ?? ''
    expect(authorization).toMatch(/^Bearer /)
    const added = await fetch(`${server.url}${path}`, {
      method: 'POST',
      headers: { authorization, 'content-type': 'application/json' },
      body: JSON.stringify({ text }),
    })
    expect(added.status).toBe(200)
  }

  test("a second member sees the first member's to-do under the first member's group_openid", async () => {
    const opengid = 'G_WEAPP_TODO_SHARED'
    const alice = launch(inChatTool(opengid), { user: 'alice' })
    await alice.waitForText('Nothing to do in this group yet.')
    await addTodo(alice, `/api/groups/${opengid}/todos`, 'Book the room')

    const bob = launch(inChatTool(opengid), { user: 'bob' })
    await bob.waitForText(`Book the room — ${server.fake.groupOpenid('alice', opengid)}`)
    expect(bob.findText(`You are ${server.fake.groupOpenid('bob', opengid)} in this chat.`)).toBeDefined()
  })

  test('in a single chat (allowSingleChat) the two people share their room’s to-do list', async () => {
    const room = 'S_WEAPP_PAIR'
    const single: Entry = { ...inChatTool(''), chatType: 1, group: { openSingleRoomid: room } }
    const alice = launch(single, { user: 'alice' })
    await alice.waitForText('Nothing to do in this group yet.')
    expect(alice.findText(`single · ${room}`)).toBeDefined()
    await addTodo(alice, `/api/rooms/${room}/todos`, 'Call mum')

    const bob = launch(single, { user: 'bob' })
    await bob.waitForText(`Call mum — ${server.fake.groupOpenid('alice', room)}`)
    expect(bob.findText(`You are ${server.fake.groupOpenid('bob', room)} in this chat.`)).toBeDefined()
  })

  test('on a base library below 3.7.8 it is unsupported: no login, no bridge call, no request', async () => {
    const host = launch(inChatTool('G_WEAPP_OLD'), { sdkVersion: '3.7.0' })
    await host.waitForText(/^unsupported$/)
    await host.settled()
    expect(host.log.count('login')).toBe(0)
    expect(host.log.count('getChatToolInfo')).toBe(0)
    expect(resolverPosts(host)).toBe(0)
  })
})

describe('a build whose template draws the wrong field', () => {
  let broken: string
  beforeAll(() => {
    broken = mkdtempSync(path.join(os.tmpdir(), 'opengid-broken-weapp-'))
    cpSync(path.join(ROOT, 'dist/weapp'), broken, { recursive: true })
    const base = path.join(broken, 'base.wxml')
    const template = readFileSync(base, 'utf8')
    expect(template).toContain('{{i.v}}')
    writeFileSync(base, template.split('{{i.v}}').join('{{i.value}}'))
  })
  afterAll(() => rmSync(broken, { recursive: true, force: true }))

  test('draws no text although the page data holds the opengid: the suite reads what is drawn', async () => {
    const host = launch(GROUP_CARD, { from: readWeappBundle(broken) })
    await host.settled()
    expect(JSON.stringify(host.data)).toContain('"v":"G_WEAPP_1"')
    expect(host.texts().filter((text) => text.trim() !== '')).toEqual([])
  })
})
