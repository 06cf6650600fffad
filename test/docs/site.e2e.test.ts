import { existsSync, mkdirSync } from 'node:fs'
import path from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { startDevServer, type DevServer } from '@opengid/server/dev'
import { SCENARIOS } from '../../src/demo/scenario'
import { SITE_OUT } from '../../tools/docs/buildDocs'
import type { Lang } from '../../tools/docBlocks'
import { ROOT } from '../../tools/root'
import { browserSuiteRuns, CHROMIUM_PATH, launchChromium } from '../browser/chromium'
import { pageUrl, sitePages, type SitePage } from './sitePages'

jest.setTimeout(120_000)

if (!browserSuiteRuns) {
  console.warn(`Skipping the docs site suite: no chromium at ${CHROMIUM_PATH} (apt-get install -y chromium).`)
}
const suite = browserSuiteRuns ? describe : describe.skip
const LANGS: Lang[] = ['zh', 'en']
const ARTIFACTS = path.join(ROOT, 'test-artifacts')

/** What one page did while it loaded, and what it points at. */
interface Visited {
  problems: string[]
  /** Same-origin link and image targets, as absolute URLs. */
  targets: string[]
  /** The ids on the page, for the links that point at an anchor. */
  ids: string[]
}

// The site as `npm run docs` serves it: the built files from the demo's dev server, so the
// embedded demo reaches the resolver and the fake WeChat on the same origin.
suite('the docs site in Debian chromium', () => {
  let server: DevServer
  let browser: Browser
  let page: Page
  const problems: string[] = []

  beforeAll(async () => {
    if (!existsSync(path.join(SITE_OUT, 'index.html')))
      throw new Error('No built docs site: run `npm run docs:build` (or `npm run test:builds`) first.')
    server = await startDevServer({ port: 0, staticDir: SITE_OUT })
    browser = await launchChromium()
    // Wide enough for the nav bar's language menu and search button.
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } })
    page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`))
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console.error: ${message.text()} (${message.location().url})`)
    })
  })

  afterAll(async () => {
    await browser?.close()
    await server?.close()
  })

  async function open(url: string): Promise<void> {
    await page.goto(server.url + url)
    await page.locator('.VPContent').waitFor()
  }

  describe.each(LANGS)('in %s', (lang) => {
    const pages = sitePages(lang)

    it('opens every page with no error, and every internal link and image it has is there', async () => {
      const visited = new Map<string, Visited>()
      for (const { url } of pages) {
        problems.length = 0
        await open(url)
        await page.waitForLoadState('networkidle')
        const found = await page.evaluate(() => ({
          targets: [
            ...Array.from(document.querySelectorAll('a[href]'), (a) => (a as HTMLAnchorElement).href),
            ...Array.from(document.querySelectorAll('img'), (img) => img.currentSrc || img.src),
          ],
          ids: Array.from(document.querySelectorAll('[id]'), (element) => element.id),
        }))
        visited.set(url, {
          problems: [...problems],
          targets: found.targets.filter((target) => target.startsWith(server.url)),
          ids: found.ids,
        })
      }
      expect([...visited].filter(([, v]) => v.problems.length > 0).map(([url, v]) => [url, v.problems])).toEqual([])

      const targets = new Set([...visited.values()].flatMap((v) => v.targets))
      const broken: string[] = []
      for (const target of targets) {
        const { pathname, hash } = new URL(target)
        // The dev server answers a missing extensionless path with the demo-style fallback
        // (the site's index.html), so a target counts only as a file the build wrote.
        const file = path.join(SITE_OUT, decodeURIComponent(pathname), pathname.endsWith('/') ? 'index.html' : '')
        const status = (await fetch(target)).status
        if (status !== 200 || !existsSync(file)) broken.push(`${target}: HTTP ${status}, file ${existsSync(file)}`)
        const anchored = visited.get(pathname)
        const id = decodeURIComponent(hash.slice(1))
        if (id && anchored && !anchored.ids.includes(id)) broken.push(`${target}: no #${id} on ${pathname}`)
      }
      expect(broken).toEqual([])
    })

    const topics = pages.filter((p): p is Required<SitePage> => p.topic !== undefined)
    const other: Lang = lang === 'zh' ? 'en' : 'zh'
    const otherLabel = other === 'en' ? 'English' : '简体中文'

    it('switches each topic to the same topic in the other language', async () => {
      const landed: string[] = []
      for (const { url, topic } of topics) {
        await open(url)
        await page.locator('.VPNavBarTranslations').hover()
        await page.locator('.VPNavBarTranslations a', { hasText: otherLabel }).click()
        await page.waitForURL(server.url + pageUrl(other, topic.path))
        await page.locator('.vp-doc h1', { hasText: topic[other] }).waitFor()
        landed.push(new URL(page.url()).pathname)
      }
      expect(landed).toEqual(topics.map(({ topic }) => pageUrl(other, topic.path)))
    })

    it.each(['opengid', 'SESSION_EXPIRED'])(
      'finds %s with the local search, among this language’s pages',
      async (word) => {
        await open(pageUrl(lang, 'index'))
        await page.locator('.DocSearch-Button').click()
        await page.locator('.VPLocalSearchBox .search-input').fill(word)
        const results = page.locator('.VPLocalSearchBox .results a.result')
        await results.first().waitFor()
        const hrefs = await results.evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''))
        expect(hrefs.length).toBeGreaterThan(0)
        expect(hrefs.filter((href) => href.startsWith('/en/') !== (lang === 'en'))).toEqual([])
        await page.keyboard.press('Escape')
      },
    )

    it('resolves a group in the embedded demo, and opens another scenario from the links beside it', async () => {
      problems.length = 0
      await open(pageUrl(lang, 'try'))
      const demo = page.frameLocator('iframe[name="opengid-demo"]')
      const headline = demo.locator('.headline')
      const field = (label: string) =>
        demo
          .locator('.row', { has: demo.locator('.label', { hasText: new RegExp(`^${label}$`) }) })
          .locator('.value')
          .innerText()
      await headline.filter({ hasText: 'Opened from a group chat' }).waitFor()
      expect(await field('opengid')).toBe('G_DEMO')
      expect(await field('source')).toBe('getGroupEnterInfo')
      expect(await demo.getByText('Group G_DEMO').count()).toBe(1)
      // The demo's own scenario links stay under the site's /demo/.
      const inner = await demo.locator('.scenarios a').evaluateAll((links) => links.map((a) => a.getAttribute('href')))
      expect(inner).toContain('/demo/?scene=1008&fail=65206')
      await page.waitForLoadState('networkidle')
      mkdirSync(ARTIFACTS, { recursive: true })
      await page.screenshot({ path: path.join(ARTIFACTS, `docs-try-${lang}.png`), fullPage: true })

      const left = SCENARIOS.find(({ query }) => query === '?scene=1008&fail=65206')!
      await page.locator('.demo-scenarios a', { hasText: lang === 'zh' ? left.zh : left.label }).click()
      await headline.filter({ hasText: 'Could not get the group' }).waitFor()
      expect(await field('opengid')).toBe('—')
      expect(problems).toEqual([])
    })

    it('says where the demo needs a server when none is there (a static host)', async () => {
      await page.route('**/__wechat/check-session', (route) => route.fulfill({ status: 404, body: 'Not Found' }))
      await open(pageUrl(lang, 'try'))
      await page.locator('.demo-static', { hasText: 'npm run docs' }).waitFor()
      expect(await page.locator('iframe').count()).toBe(0)
      await page.unroute('**/__wechat/check-session')
    })

    it('shows the home page', async () => {
      await open(pageUrl(lang, 'index'))
      await page.locator('.VPHero').waitFor()
      await page.waitForLoadState('networkidle')
      mkdirSync(ARTIFACTS, { recursive: true })
      await page.screenshot({ path: path.join(ARTIFACTS, `docs-home-${lang}.png`), fullPage: true })
    })
  })
})
