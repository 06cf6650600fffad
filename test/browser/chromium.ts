import { chromium, type Browser } from 'playwright-core'

/**
 * Debian's chromium, never a downloaded browser. The networking flags keep it from
 * phoning home: this machine's network is closed and refused connections slow it down.
 */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
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
