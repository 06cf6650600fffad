import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import type { Browser } from 'playwright-core'
import type * as ServerDev from '@opengid/server/dev'
import { ROOT } from '../../tools/root'
import { browserSuiteRuns, CHROMIUM_PATH, launchChromium, visitH5 } from '../browser/chromium'
import { launchWeapp, readWeappBundle, type Entry, type WeappHost } from '../../tools/weapp-host'
import { CONSUMER_APP, type ConsumerApp } from '../../tools/apps/consumer-app/prepare'
import { TARO36_APP } from '../../tools/apps/taro36-app/prepare'

// Fresh Taro apps built from the packed tarballs and the docs site's React quickstart
// (tools/apps/*/prepare.ts, run by `npm test` before jest), with the real
// taroBridge(): no simulator anywhere. One at each end of the kit's Taro range
// (4.2.1 and 3.6.40), each checked the same way. Each app's dev server comes from
// its packed @opengid/server too, loaded the way a CommonJS user's require finds it.

const UNSUPPORTED_TEXT = 'Group leaderboards work inside WeChat only.'
const NONE_TEXT = 'Open this mini program from a group chat to see its leaderboard.'

jest.setTimeout(30_000)

/** The e2e checks of one app; run for every app, so both ends of the range pass the same ones. */
function consumerAppSuite({ label, dir: APP_DIR, targets }: ConsumerApp) {
  const built = targets
    .map((target) => (target === 'h5' ? 'dist/h5/index.html' : `dist/${target}/app.js`))
    .every((file) => existsSync(path.join(APP_DIR, file)))
  if (!built) throw new Error(`No ${label} app at ${APP_DIR}: run \`npm run test:builds\` (npm test does) first.`)

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
    const lock = JSON.parse(readFileSync(path.join(APP_DIR, 'package-lock.json'), 'utf8'))
    for (const name of ['@opengid/taro', '@opengid/server']) {
      expect(resolveFromApp(name)).toBe(path.join(APP_DIR, 'node_modules', name, 'dist/index.cjs'))
      expect(lock.packages[`node_modules/${name}`].resolved).toMatch(/^file:vendor\/opengid-(taro|server)-.*\.tgz$/)
    }
    // The app runs the Taro it says it does, not one hoisted from elsewhere.
    const taro = JSON.parse(readFileSync(path.join(APP_DIR, 'node_modules/@tarojs/taro/package.json'), 'utf8'))
    expect(`Taro ${taro.version}`).toBe(label)
  })

  // alipay has no group API and no OpenData: the build must still pass (webpack fails on an
  // import of a missing export), and the plan answers 'unsupported' there
  // (packages/taro/test/taro/taroBridge.test.ts). No alipay renderer runs here.
  if (targets.includes('alipay'))
    it('builds for alipay, a target without the group APIs', () => {
      for (const file of ['app.js', 'app.json', 'pages/index/index.axml']) {
        expect(existsSync(path.join(APP_DIR, 'dist/alipay', file))).toBe(true)
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
    console.warn(`Skipping the ${label} app's H5 check: no chromium at ${CHROMIUM_PATH} (apt-get install -y chromium).`)
  }
  ;(browserSuiteRuns ? describe : describe.skip)('H5 build, real taroBridge() in Debian chromium', () => {
    let browser: Browser
    beforeAll(async () => {
      browser = await launchChromium()
    })
    afterAll(() => browser?.close())

    it('shows the unsupported state and logs no error', async () => {
      const { page, problems, calls } = await visitH5(browser, `${server.url}/`, UNSUPPORTED_TEXT)
      expect(problems).toEqual([])
      expect(calls).toEqual([])
      // The group name has no open data on H5: its fallback shows instead.
      expect(await page.getByText('This group').count()).toBe(1)
      mkdirSync(path.join(ROOT, 'test-artifacts'), { recursive: true })
      await page.screenshot({ path: path.join(ROOT, `test-artifacts/${path.basename(APP_DIR)}-h5.png`) })
      await page.close()
    })
  })
}

describe.each([CONSUMER_APP, TARO36_APP])('$label app', (app) => consumerAppSuite(app))
