import { existsSync, mkdirSync } from 'node:fs'
import path from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { startDevServer, type DevServer } from '@opengid/server/dev'
import { ROOT } from '../tools/root'
import { browserSuiteRuns, CHROMIUM_PATH, launchChromium } from './browser/chromium'

jest.setTimeout(30_000)

if (!browserSuiteRuns) {
  console.warn(`Skipping the browser suite: no chromium at ${CHROMIUM_PATH} (apt-get install -y chromium).`)
}
const suite = browserSuiteRuns ? describe : describe.skip

suite('the H5 demo in Debian chromium', () => {
  const ARTIFACTS = path.join(ROOT, 'test-artifacts')
  let server: DevServer
  let browser: Browser

  beforeAll(async () => {
    // `npm test` makes a fresh production build first: this suite proves what `taro build --type h5` ships.
    if (!existsSync(path.join(ROOT, 'dist/h5/index.html')))
      throw new Error('No dist/h5: run `npm run test:builds` first.')
    server = await startDevServer({ port: 0, staticDir: path.join(ROOT, 'dist/h5') })
    browser = await launchChromium()
  })

  afterAll(async () => {
    await browser?.close()
    await server?.close()
  })

  interface Visit {
    page: Page
    posts: () => number
    /** The Authorization header the page's own check-in API calls carried. */
    ticketHeader: () => string | undefined
    field: (label: string) => Promise<string>
  }

  /** Opens a scenario in a fresh browser context and waits until the kit has settled. */
  async function visit(query: string): Promise<Visit> {
    const context = await browser.newContext({ viewport: { width: 420, height: 860 } })
    const page = await context.newPage()
    let posts = 0
    let ticketHeader: string | undefined
    page.on('request', (request) => {
      const { pathname } = new URL(request.url())
      if (request.method() === 'POST' && pathname === '/api/opengid') posts++
      if (pathname.endsWith('/checkins')) ticketHeader = request.headers().authorization
    })
    await page.goto(`${server.url}/${query}`)
    await page
      .locator('.headline')
      .filter({ hasNotText: /Finding out|Waiting/ })
      .waitFor()
    await page.waitForLoadState('networkidle')
    const field = (label: string) =>
      page
        .locator('.row', { has: page.locator('.label', { hasText: new RegExp(`^${label}$`) }) })
        .locator('.value')
        .innerText()
    return { page, posts: () => posts, ticketHeader: () => ticketHeader, field }
  }

  it('resolves a group card launch through login → getGroupEnterInfo → POST → decrypt', async () => {
    const { page, posts, field } = await visit('?scene=1008&opengid=G_DEMO&chatType=3&sdk=3.5.0')
    await expect(page.locator('.headline').innerText()).resolves.toBe('Opened from a group chat')
    expect(await field('opengid')).toBe('G_DEMO')
    expect(await field('chat type')).toBe('3 · WeChat group')
    expect(await field('scene')).toBe('1008')
    expect(await field('source')).toBe('getGroupEnterInfo')
    expect(await page.getByText('Group G_DEMO').count()).toBe(1)
    expect(posts()).toBe(1)
    mkdirSync(ARTIFACTS, { recursive: true })
    await page.screenshot({ path: path.join(ARTIFACTS, 'resolved.png') })
    await page.context().close()
  })

  it('uses getShareInfo with a shareTicket on an old base library', async () => {
    const { page, posts, field } = await visit('?scene=1044&opengid=G_LEGACY&sdk=2.9.0')
    expect(await field('opengid')).toBe('G_LEGACY')
    expect(await field('source')).toBe('getShareInfo')
    expect(posts()).toBe(1)
    await page.context().close()
  })

  it.each([
    ['?scene=1001', 'Not opened from a group chat', 'Open this mini program from a group chat card'],
    ['?scene=1008&fail=65206', 'Could not get the group', 'You are no longer a member of this group.'],
    ['?scene=1008&sdk=2.5.0', 'Group information is not available here', "can't tell which group"],
  ])('%s shows "%s" and makes no POST', async (query, headline, note) => {
    const { page, posts, field } = await visit(query)
    expect(await page.locator('.headline').innerText()).toBe(headline)
    expect(await page.getByText(note, { exact: false }).count()).toBe(1)
    expect(await field('opengid')).toBe('—')
    expect(posts()).toBe(0)
    await page.context().close()
  })

  it('two users of one group see each other’s check-ins, kept by the server per group', async () => {
    const group = `?scene=1008&opengid=G_CHECKIN_${Date.now().toString(36)}&chatType=3`
    const alice = await visit(`${group}&user=alice`)
    await alice.page.getByText('Nobody has checked in to this group yet.').waitFor()
    await alice.page.getByText('Check in', { exact: true }).click()
    await alice.page.getByText(/^alice checked in at/).waitFor()

    const bob = await visit(`${group}&user=bob`)
    await bob.page.getByText(/^alice checked in at/).waitFor()
    await bob.page.getByText('Check in', { exact: true }).click()
    await bob.page.getByText(/^bob checked in at/).waitFor()
    await alice.page.reload()
    await alice.page.getByText(/^bob checked in at/).waitFor()
    mkdirSync(ARTIFACTS, { recursive: true })
    await alice.page.screenshot({ path: path.join(ARTIFACTS, 'checkins.png'), fullPage: true })

    await bob.page.goto(`${server.url}/?scene=1008&opengid=G_ELSEWHERE&chatType=3&user=bob`)
    await bob.page.getByText('Nobody has checked in to this group yet.').waitFor()
    await alice.page.context().close()
    await bob.page.context().close()
  })

  it('plays the chat tool: two members of one chat share a to-do list, each known by their group_openid', async () => {
    const opengid = `G_TODO_${Date.now().toString(36)}`
    const chat = `?mode=chatTool&opengid=${opengid}`
    const aliceId = server.fake.groupOpenid('alice', opengid)
    const bobId = server.fake.groupOpenid('bob', opengid)
    expect(aliceId).not.toBe(bobId)

    const alice = await visit(`${chat}&member=alice`)
    expect(await alice.field('source')).toBe('getChatToolInfo')
    expect(await alice.field('opengid')).toBe(opengid)
    expect(alice.posts()).toBe(1)
    await alice.page.getByText(`You are ${aliceId} in this chat.`).waitFor()
    await alice.page.getByText('Nothing to do in this group yet.').waitFor()
    await alice.page.locator('.todo-input input').fill('Book the room')
    await alice.page.getByText('Add', { exact: true }).click()
    await alice.page.getByText('Book the room — you').waitFor()

    const bob = await visit(`${chat}&member=bob`)
    await bob.page.getByText(`You are ${bobId} in this chat.`).waitFor()
    await bob.page.getByText(`Book the room — ${aliceId}`).waitFor()
    await bob.page.locator('.todo-input input').fill('Bring snacks')
    await bob.page.getByText('Add', { exact: true }).click()
    await bob.page.getByText('Bring snacks — you').waitFor()

    await alice.page.reload()
    await alice.page.getByText(`Bring snacks — ${bobId}`).waitFor()
    expect(await alice.page.getByText('Book the room — you').count()).toBe(1)
    mkdirSync(ARTIFACTS, { recursive: true })
    await alice.page.screenshot({ path: path.join(ARTIFACTS, 'chat-tool-todos.png'), fullPage: true })
    await alice.page.context().close()
    await bob.page.context().close()
  })

  it('plays a single chat (allowSingleChat): both people resolve the same room and share its check-ins', async () => {
    const room = `S_PAIR_${Date.now().toString(36)}`
    const chat = `?chatType=1&room=${room}`
    const alice = await visit(`${chat}&user=alice`)
    expect(await alice.page.locator('.headline').innerText()).toBe('Opened from a single chat')
    expect(await alice.field('room')).toBe(`single · ${room}`)
    expect(await alice.field('opengid')).toBe('—')
    await alice.page.getByText(`Single chat ${room}`).waitFor()
    await alice.page.getByText('Check in', { exact: true }).click()
    await alice.page.getByText(/^alice checked in at/).waitFor()

    const bob = await visit(`${chat}&user=bob`)
    expect(await bob.field('room')).toBe(`single · ${room}`)
    await bob.page.getByText(/^alice checked in at/).waitFor()
    // The room's API takes only a ticket for that room: a group's id in the path is 403.
    const authorization = bob.ticketHeader() as string
    const status = (url: string) =>
      bob.page.evaluate(async ([u, a]) => (await fetch(u, { headers: { authorization: a } })).status, [
        url,
        authorization,
      ] as const)
    expect(await status(`/api/rooms/${room}/checkins`)).toBe(200)
    expect(await status('/api/rooms/G_TEAM/checkins')).toBe(403)
    await alice.page.context().close()
    await bob.page.context().close()
  })

  it('plays the chat tool in a single chat: the two people see each other’s to-dos', async () => {
    const room = `S_TODO_${Date.now().toString(36)}`
    const chat = `?mode=chatTool&chatType=1&room=${room}`
    const aliceId = server.fake.groupOpenid('alice', room)
    const bobId = server.fake.groupOpenid('bob', room)

    const alice = await visit(`${chat}&member=alice`)
    expect(await alice.field('source')).toBe('getChatToolInfo')
    expect(await alice.field('room')).toBe(`single · ${room}`)
    await alice.page.getByText(`You are ${aliceId} in this chat.`).waitFor()
    await alice.page.locator('.todo-input input').fill('Call mum')
    await alice.page.getByText('Add', { exact: true }).click()
    await alice.page.getByText('Call mum — you').waitFor()

    const bob = await visit(`${chat}&member=bob`)
    await bob.page.getByText(`Call mum — ${aliceId}`).waitFor()
    await bob.page.locator('.todo-input input').fill('Buy flowers')
    await bob.page.getByText('Add', { exact: true }).click()
    await bob.page.getByText('Buy flowers — you').waitFor()
    await alice.page.reload()
    await alice.page.getByText(`Buy flowers — ${bobId}`).waitFor()
    mkdirSync(ARTIFACTS, { recursive: true })
    await alice.page.screenshot({ path: path.join(ARTIFACTS, 'single-chat-todos.png'), fullPage: true })
    await alice.page.context().close()
    await bob.page.context().close()
  })

  it('the chat tool on a base library below 3.7.8 is unsupported, with no login and no request', async () => {
    const { page, posts, field } = await visit('?mode=chatTool&opengid=G_OLD&member=erin&sdk=3.7.0')
    expect(await field('status')).toBe('unsupported')
    expect(posts()).toBe(0)
    await page.context().close()
  })

  it('the check-in API trusts the ticket, not the URL: another group is 403, no ticket is 401', async () => {
    const { page, ticketHeader } = await visit('?scene=1008&opengid=G_MINE&chatType=3&user=carol')
    await page.getByText('Nobody has checked in to this group yet.').waitFor()
    const authorization = ticketHeader() as string
    expect(authorization).toMatch(/^Bearer [\w-]+\.[\w-]+\.[\w-]+$/)
    const answer = (path: string, headers: Record<string, string>) =>
      page.evaluate(
        async ([url, h]) => {
          const response = await fetch(url, { headers: h })
          return { status: response.status, body: await response.json() }
        },
        [path, headers] as const,
      )
    expect(await answer('/api/groups/G_MINE/checkins', { authorization })).toMatchObject({ status: 200 })
    expect(await answer('/api/groups/G_SOMEONE_ELSES/checkins', { authorization })).toMatchObject({
      status: 403,
      body: { error: { code: 'GROUP_MISMATCH' } },
    })
    expect(await answer('/api/groups/G_MINE/checkins', {})).toMatchObject({
      status: 401,
      body: { error: { code: 'TICKET_MISSING' } },
    })
    await page.context().close()
  })

  it('a reload by the same user takes the warm path: the POST carries the session, not a code', async () => {
    const { page } = await visit('?scene=1008&opengid=G_WARM&chatType=3&user=dave')
    const bodies: string[] = []
    page.on('request', (request) => {
      if (request.method() === 'POST' && new URL(request.url()).pathname === '/api/opengid') {
        bodies.push(request.postData() ?? '')
      }
    })
    await page.reload()
    await page.locator('.headline', { hasText: 'Opened from a group chat' }).waitFor()
    await page.waitForLoadState('networkidle')
    expect(bodies).toHaveLength(1)
    expect(JSON.parse(bodies[0])).toHaveProperty('session')
    expect(JSON.parse(bodies[0])).not.toHaveProperty('code')
    await page.context().close()
  })

  it('links to every scenario', async () => {
    const { page } = await visit('?scene=1001')
    const hrefs = await page.locator('.scenarios a').evaluateAll((links) => links.map((a) => a.getAttribute('href')))
    expect(hrefs).toContain('/?scene=1008&fail=65206')
    expect(hrefs).toContain('/?scene=1044&opengid=G_LEGACY&sdk=2.9.0')
    await page.getByText('Another group').click()
    await page.locator('.headline', { hasText: 'Opened from a group chat' }).waitFor()
    await page.context().close()
  })
})
