import { existsSync } from 'node:fs'
import path from 'node:path'
import { startDevServer, type DevServer } from '@opengid/server/dev'
import { launchWeapp, readWeappBundle, type Entry, type WeappHost } from '../weapp-host'
import { VUE_APP_DIR } from './prepare'

// examples/vue (Taro 4.2.0 + Vue 3), built outside the repository by
// test/vue-app/prepare.ts before jest starts, run in the Node weapp host: Vue's
// runtime on Taro's DOM, every setData drawn by WeChat's component renderer.

// Above the host's 5 s waits, so that a missing text fails with what the page showed instead.
jest.setTimeout(15_000)

const WEAPP = path.join(VUE_APP_DIR, 'dist/weapp')
if (!existsSync(path.join(WEAPP, 'app.js'))) {
  throw new Error(`No Vue app at ${VUE_APP_DIR}: run \`npm run test:builds\` (npm test does) first.`)
}

let server: DevServer
beforeAll(async () => {
  server = await startDevServer({ port: 0 })
})
afterAll(() => server?.close())

const bundle = readWeappBundle(WEAPP)
let app: WeappHost | undefined
let errors: jest.SpyInstance
const launch = (entry: Entry) => (app = launchWeapp({ bundle, fake: server.fake, serverUrl: server.url, entry }))

beforeEach(() => {
  errors = jest.spyOn(console, 'error')
})
afterEach(() => {
  app?.close()
  errors.mockRestore()
})

const GROUP_CARD_TEXT = 'Opened from a group chat card'

it('draws a group card launch (scene 1008) from Taro.getEnterOptionsSync()', async () => {
  const host = launch({ scene: 1008, chatType: 3, group: { opengid: 'G_VUE' } })
  await host.waitForText(/^scene 1008$/)
  await host.settled()
  expect(host.texts()).toEqual(['scene 1008', GROUP_CARD_TEXT])
  expect(errors).not.toHaveBeenCalled()
})

it('leaves out what v-if hides for another launch (scene 1001)', async () => {
  const host = launch({ scene: 1001 })
  await host.waitForText(/^scene 1001$/)
  await host.settled()
  expect(host.findText(GROUP_CARD_TEXT)).toBeUndefined()
  expect(errors).not.toHaveBeenCalled()
})
