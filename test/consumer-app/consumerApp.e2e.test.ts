import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import type { Browser } from 'playwright-core'
import type * as ServerDev from '@opengid/server/dev'
import { ROOT } from '../../tools/root'
import { browserSuiteRuns, CHROMIUM_PATH, launchChromium } from '../browser/chromium'
import { launchWeapp, readWeappBundle, type Entry, type WeappHost } from '../../tools/weapp-host'
import { APP_DIR } from '../../tools/apps/consumer-app/prepare'

// A fresh Taro app built from the packed tarballs and the README's quickstart
// (tools/apps/consumer-app/prepare.ts, run by `npm test` before jest), with the
// real taroBridge(): no simulator anywhere. Its dev server comes from the packed
// @opengid/server too, loaded the way a CommonJS user's require finds it.

const UNSUPPORTED_TEXT = 'Group leaderboards work inside WeChat only.'
const NONE_TEXT = 'Open this mini program from a group chat to see its leaderboard.'

jest.setTimeout(30_000)

const built = ['dist/weapp/app.js', 'dist/h5/index.html'].every((file) => existsSync(path.join(APP_DIR, file)))
if (!built) throw new Error(`No consumer app at ${APP_DIR}: run \`npm run test:builds\` (npm test does) first.`)

/**
 * Where Node's own `require(name)` lands from the app. Asked of a child process:
 * inside jest, require and createRequire apply jest's moduleNameMapper, which points
 * `@opengid/*` at this repository's sources.
 */
const resolveFromApp = (name: string): string =>
  execFileSync(process.execPath, ['-p', `require.resolve(${JSON.stringify(name)})`], { cwd: APP_DIR })
    .toString()
    .trim()

let server: ServerDev.DevServer
beforeAll(async () => {
  // An absolute path is not name-mapped, so this is the packed server's CommonJS build.
  const { startDevServer }: typeof ServerDev = await import(resolveFromApp('@opengid/server/dev'))
  server = await startDevServer({ port: 0, staticDir: path.join(APP_DIR, 'dist/h5') })
})
afterAll(() => server?.close())

it('installs both packages from the tarballs, not from this repository', () => {
  for (const name of ['@opengid/taro', '@opengid/server']) {
    expect(resolveFromApp(name)).toBe(path.join(APP_DIR, 'node_modules', name, 'dist/index.cjs'))
    const lock = JSON.parse(readFileSync(path.join(APP_DIR, 'package-lock.json'), 'utf8'))
    expect(lock.packages[`node_modules/${name}`].resolved).toMatch(/^file:vendor\/opengid-(taro|server)-.*\.tgz$/)
  }
})

describe('weapp build, real taroBridge(), drawn by WeChat’s component renderer in the Node weapp host', () => {
  let app: WeappHost | undefined
  let errors: jest.SpyInstance
  const bundle = readWeappBundle(path.join(APP_DIR, 'dist/weapp'))
  const launch = (entry: Entry) => (app = launchWeapp({ bundle, fake: server.fake, serverUrl: server.url, entry }))

  beforeEach(() => {
    errors = jest.spyOn(console, 'error')
  })
  afterEach(() => {
    app?.close()
    errors.mockRestore()
  })

  it('resolves a group card launch (scene 1008) to the fake WeChat’s opengid', async () => {
    const host = launch({ scene: 1008, chatType: 3, group: { opengid: 'G_CONSUMER' } })
    await host.waitForText(/^G_CONSUMER$/)
    await host.settled()
    expect(host.texts()).toContain('Leaderboard of group ')
    expect(host.log.count('login')).toBe(1)
    expect(host.log.count('getGroupEnterInfo')).toBe(1)
    expect(host.log.count('request')).toBe(1)
    expect(errors).not.toHaveBeenCalled()
  })

  it('shows the none state for a launch that is not from a group (scene 1001), with no call', async () => {
    const host = launch({ scene: 1001 })
    await host.waitForText(NONE_TEXT)
    await host.settled()
    expect(host.log.count('login')).toBe(0)
    expect(host.log.count('getGroupEnterInfo')).toBe(0)
    expect(errors).not.toHaveBeenCalled()
  })
})

if (!browserSuiteRuns) {
  console.warn(`Skipping the consumer app's H5 check: no chromium at ${CHROMIUM_PATH} (apt-get install -y chromium).`)
}
;(browserSuiteRuns ? describe : describe.skip)('H5 build, real taroBridge() in Debian chromium', () => {
  let browser: Browser
  beforeAll(async () => {
    browser = await launchChromium()
  })
  afterAll(() => browser?.close())

  it('shows the unsupported state and logs no error', async () => {
    const page = await browser.newPage({ viewport: { width: 420, height: 860 } })
    const problems: string[] = []
    page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`))
    page.on('console', (message) => {
      // The browser's own request for /favicon.ico is not the app's doing.
      if (message.type() === 'error' && !message.location().url.endsWith('/favicon.ico'))
        problems.push(`console.error: ${message.text()} (${message.location().url})`)
    })
    let posts = 0
    page.on('request', (request) => {
      if (request.method() === 'POST') posts++
    })
    // A crash (the old `ReferenceError: Taro is not defined`) fails at once, not after the timeout.
    const crashed = new Promise<never>((_, reject) => page.once('pageerror', reject))
    crashed.catch(() => undefined)
    await page.goto(`${server.url}/`)
    await Promise.race([page.getByText(UNSUPPORTED_TEXT).waitFor(), crashed])
    await page.waitForLoadState('networkidle')
    expect(problems).toEqual([])
    expect(posts).toBe(0)
    // The group name has no open data on H5: its fallback shows instead.
    expect(await page.getByText('This group').count()).toBe(1)
    mkdirSync(path.join(ROOT, 'test-artifacts'), { recursive: true })
    await page.screenshot({ path: path.join(ROOT, 'test-artifacts/consumer-app-h5.png') })
    await page.close()
  })
})
