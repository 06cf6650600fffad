import { existsSync } from 'node:fs'
import { chromium, type Browser } from 'playwright-core'

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

/**
 * CI always has the browser (.ci/run installs it) and must never skip this suite;
 * a developer's machine without it skips with a note instead of failing `npm test`.
 */
export const browserSuiteRuns = existsSync(CHROMIUM_PATH) || !!process.env.CI

/**
 * Debian's chromium, never a downloaded browser. The networking flags keep it from
 * phoning home: this machine's network is closed and refused connections slow it down.
 */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  })
}
