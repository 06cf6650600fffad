import { existsSync, readdirSync, statSync } from 'node:fs'
import path from 'node:path'
import { ROOT } from './root'
import { run } from './run'

/** Everything a demo build is made from: a build older than any of these is stale. */
const INPUTS = ['src', 'config', 'packages/taro/src', 'babel.config.js', 'package.json']

export function newestMtime(target: string): number {
  const stat = statSync(target)
  if (!stat.isDirectory()) return stat.mtimeMs
  return readdirSync(target).reduce(
    (newest, name) => Math.max(newest, newestMtime(path.join(target, name))),
    stat.mtimeMs,
  )
}

export function isBuildFresh(platform: 'h5' | 'weapp'): boolean {
  const marker = path.join(ROOT, 'dist', platform, platform === 'h5' ? 'index.html' : 'app.js')
  if (!existsSync(marker)) return false
  const built = statSync(marker).mtimeMs
  return INPUTS.every((input) => newestMtime(path.join(ROOT, input)) <= built)
}

export interface TaroBuildOptions {
  /** The app to build, with its own `@tarojs/cli`; default this repository's demo. */
  appDir?: string
  env?: Record<string, string>
  /** Ends the build early (e.g. a caller that gives up) so webpack does not run on. */
  signal?: AbortSignal
}

/** What `taro build --type` is asked for here: the two platforms the suites run, and alipay, built only. */
export type TaroTarget = 'h5' | 'weapp' | 'alipay'

/** Runs `taro build` for a platform; rejects with the end of the build's output when it fails. */
export function taroBuild(
  platform: TaroTarget,
  { appDir = ROOT, env = {}, signal }: TaroBuildOptions = {},
): Promise<void> {
  const cli = require.resolve('@tarojs/cli/bin/taro', { paths: [appDir] })
  return run(process.execPath, [cli, 'build', '--type', platform], {
    cwd: appDir,
    // An inherited NODE_ENV (jest sets 'test') would give a half-development build.
    env: { NODE_ENV: 'production', ...env },
    signal,
  }).then(
    () => undefined,
    (error: Error) => {
      throw new Error(`taro build --type ${platform} in ${appDir} failed with ${error.message}`)
    },
  )
}

/** Builds only when the last build is missing or older than its sources. */
export async function ensureBuild(platform: 'h5' | 'weapp'): Promise<'fresh' | 'built'> {
  if (isBuildFresh(platform)) return 'fresh'
  await taroBuild(platform)
  return 'built'
}
