import { existsSync } from 'node:fs'
import { chromium, type Browser, type Page } from 'playwright-core'

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

/** What an H5 build's page did while it loaded and settled. */
export interface H5Visit {
  page: Page
  /** Page errors and console errors (the browser's own /favicon.ico miss aside). */
  problems: string[]
  /** Requests the app made of a server: POSTs and anything under /api/ (its assets aside). */
  calls: string[]
}

/**
 * Opens an H5 build's page at `url` and waits for `text` and for the network to go idle.
 * A crash (such as the old `ReferenceError: Taro is not defined`) fails at once, not after
 * the timeout. The caller closes the page.
 */
export async function visitH5(browser: Browser, url: string, text: string): Promise<H5Visit> {
  const page = await browser.newPage({ viewport: { width: 420, height: 860 } })
  const problems: string[] = []
  const calls: string[] = []
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`))
  page.on('console', (message) => {
    if (message.type() === 'error' && !message.location().url.endsWith('/favicon.ico'))
      problems.push(`console.error: ${message.text()} (${message.location().url})`)
  })
  page.on('request', (request) => {
    if (request.method() === 'POST' || new URL(request.url()).pathname.startsWith('/api/'))
      calls.push(`${request.method()} ${request.url()}`)
  })
  const crashed = new Promise<never>((_, reject) => page.once('pageerror', reject))
  crashed.catch(() => undefined)
  await page.goto(url)
  await Promise.race([page.getByText(text).waitFor(), crashed])
  await page.waitForLoadState('networkidle')
  return { page, problems, calls }
}
