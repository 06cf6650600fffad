import { spawn } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import path from 'node:path'
import { stripVTControlCharacters } from 'node:util'

export const ROOT = path.resolve(__dirname, '..')

/** Everything a demo build is made from: a build older than any of these is stale. */
const INPUTS = ['src', 'config', 'packages/taro/src', 'babel.config.js', 'package.json']

function newestMtime(target: string): number {
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

/** Runs `taro build` for a platform; rejects with the build's output when it fails. */
export function taroBuild(platform: 'h5' | 'weapp', env: Record<string, string> = {}): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [require.resolve('@tarojs/cli/bin/taro'), 'build', '--type', platform], {
      cwd: ROOT,
      // An inherited NODE_ENV (jest sets 'test') would give a half-development build.
      env: { ...process.env, NODE_ENV: 'production', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let output = ''
    child.stdout.on('data', (chunk) => (output += chunk))
    child.stderr.on('data', (chunk) => (output += chunk))
    child.on('error', reject)
    child.on('close', (code) =>
      code === 0
        ? resolve()
        : reject(
            new Error(
              `taro build --type ${platform} failed (${code}):\n${stripVTControlCharacters(output).slice(-6000)}`,
            ),
          ),
    )
  })
}

/** Builds only when the last build is missing or older than its sources. */
export async function ensureBuild(platform: 'h5' | 'weapp'): Promise<'fresh' | 'built'> {
  if (isBuildFresh(platform)) return 'fresh'
  await taroBuild(platform)
  return 'built'
}
