import { existsSync, mkdirSync } from 'node:fs'
import path from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { startDevServer, type DevServer } from '@opengid/server/dev'
import { ROOT } from '../scripts/taroBuild'
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
    field: (label: string) => Promise<string>
  }

  /** Opens a scenario in a fresh browser context and waits until the kit has settled. */
  async function visit(query: string): Promise<Visit> {
    const context = await browser.newContext({ viewport: { width: 420, height: 860 } })
    const page = await context.newPage()
    let posts = 0
    page.on('request', (request) => {
      if (request.method() === 'POST' && new URL(request.url()).pathname === '/api/opengid') posts++
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
    return { page, posts: () => posts, field }
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

  it('keeps check-ins per group, across reloads', async () => {
    const { page } = await visit('?scene=1008&opengid=G_CHECKIN&chatType=3')
    await page.getByText('Check in', { exact: true }).click()
    await page.getByText(/You checked in at/).waitFor()
    await page.reload()
    await page.getByText(/You checked in at/).waitFor()
    await page.goto(`${server.url}/?scene=1008&opengid=G_ELSEWHERE&chatType=3`)
    await page.getByText('Nobody has checked in to this group yet.').waitFor()
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
