import { existsSync } from 'node:fs'
import path from 'node:path'
import { ROOT } from '../../tools/root'
import { run } from '../../tools/run'

// What apps compile against: @opengid/taro's dist (built by `npm test` before jest), reached
// through node_modules as a user's app reaches it, never this repository's sources. A Register
// is global to a compilation, so each app in fixtures/ is compiled on its own.

const FIXTURES = path.join(__dirname, 'fixtures')
const TSC = require.resolve('typescript/bin/tsc')

jest.setTimeout(120_000)

const compile = (fixture: string) => run(process.execPath, [TSC, '-p', path.join(FIXTURES, fixture)], { cwd: ROOT })

beforeAll(() => {
  if (!existsSync(path.join(ROOT, 'packages/taro/dist/index.d.cts'))) {
    throw new Error('packages/taro/dist has no types: run `npm run build --workspace packages/taro` first.')
  }
})

it('an app that registered nothing reads groups through every entry; allowSingleChat tells it what to declare', async () => {
  const failure = await compile('groupOnly').then(
    () => undefined,
    (error: Error) => error.message,
  )
  // The one error is refused.tsx's, on purpose: `<GroupContext allowSingleChat>` without a Register.
  const errors = (failure ?? '').split('\n').filter((line) => line.includes('error TS'))
  expect(errors).toHaveLength(1)
  expect(errors[0]).toMatch(/^test\/published-types\/fixtures\/groupOnly\/refused\.tsx\(\d+,\d+\): error TS2322/)
  expect(errors[0]).toContain("declare module '@opengid/taro' { interface Register { allowSingleChat: true } }")
})

it.each([
  ['registered', "'@opengid/taro'"],
  ['registeredVue', "'@opengid/taro/vue', a Vue app's entry"],
  ['registeredCjs', "'@opengid/taro' from CommonJS, with the .d.cts types"],
])('%s: single chats registered through %s reach every entry', async (fixture) => {
  await compile(fixture)
})
