import { execFile } from 'node:child_process'
import { existsSync, statSync } from 'node:fs'
import path from 'node:path'
import { promisify } from 'node:util'

/**
 * The dual package hazard: an app can load a package's CJS build and its ESM
 * build side by side, each with its own copy of every class. The error
 * classes must still answer `instanceof` for each other's errors. This runs
 * against the built packages, as an app gets them, in plain node processes
 * (jest cannot `import()` real ESM files without experimental flags); the
 * build itself happens before jest starts (`npm run build`).
 */

const ROOT = path.resolve(__dirname, '../../../..')
const PROBES = path.join(__dirname, '../support/builtErrors')
// Two node processes loading a package each: seconds on a busy 2-core machine.
const TIMEOUT_MS = 30_000

interface Probe {
  name: string
  /** The built files the probe loads, and the sources they must not be older than. */
  dist: string[]
  sources: string[]
  args: string[]
}

const probes: Probe[] = [
  {
    name: '@opengid/server: OpenDataError, WeChatApiError, GroupTicketError and SessionError',
    dist: ['packages/server/dist/index.cjs', 'packages/server/dist/index.js'],
    sources: [
      'packages/server/src/openData/OpenDataError.ts',
      'packages/server/src/wechat/WeChatApiError.ts',
      'packages/server/src/shared/brand.ts',
      'packages/server/src/ticket/GroupTicketError.ts',
      'packages/server/src/sessions/SessionError.ts',
    ],
    args: [path.join(PROBES, 'server.mjs')],
  },
  {
    name: '@opengid/taro: GroupEnterError',
    dist: ['packages/taro/dist/index.cjs', 'packages/taro/dist/index.js'],
    sources: ['packages/taro/src/core/GroupEnterError.ts'],
    args: ['--import', path.join(PROBES, 'taroPeers.mjs'), path.join(PROBES, 'taro.mjs')],
  },
]

/** Fails with what to do when the build is missing or predates the error classes' source. */
function checkBuilt({ dist, sources }: Probe): void {
  const built = dist.map((file) => path.join(ROOT, file))
  const missing = built.filter((file) => !existsSync(file))
  if (missing.length > 0) {
    throw new Error(`${missing.map((file) => path.relative(ROOT, file)).join(', ')} missing: run npm run build first`)
  }
  const builtAt = Math.min(...built.map((file) => statSync(file).mtimeMs))
  const newer = sources.filter((file) => statSync(path.join(ROOT, file)).mtimeMs > builtAt)
  if (newer.length > 0) throw new Error(`${newer.join(', ')} changed after the last build: run npm run build first`)
}

test.each(probes)(
  '$name: instanceof holds across the CJS and ESM builds, and only for their errors',
  async (probe) => {
    checkBuilt(probe)
    const { stdout } = await promisify(execFile)(process.execPath, probe.args, { cwd: ROOT, timeout: TIMEOUT_MS })
    const { mustHold, mustNotHold } = JSON.parse(stdout) as Record<string, Record<string, boolean>>

    expect(Object.keys(mustHold).length).toBeGreaterThan(0)
    expect(Object.keys(mustNotHold).length).toBeGreaterThan(0)
    expect(mustHold).toEqual(Object.fromEntries(Object.keys(mustHold).map((check) => [check, true])))
    expect(mustNotHold).toEqual(Object.fromEntries(Object.keys(mustNotHold).map((check) => [check, false])))
  },
  TIMEOUT_MS * 2,
)
