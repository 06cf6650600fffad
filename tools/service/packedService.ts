import { existsSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { clearApp, installApp, installFromTarball } from '../apps/packedApp'

/**
 * A folder outside the repository with @opengid/server installed from the tarball
 * `npm pack` makes, as `npm install @opengid/server` gives it to a user: the service
 * suites and the bench run its `opengid-server` bin, never this repository's sources.
 */
export const SERVICE_DIR = path.join(tmpdir(), 'opengid-service-app')
export const SERVICE_BIN = path.join(SERVICE_DIR, 'node_modules', '.bin', 'opengid-server')

/** Packs and installs the server (its dist must be built first: `npm run build`). */
export async function prepareServiceApp(log: (line: string) => void = console.log): Promise<void> {
  clearApp(SERVICE_DIR)
  const manifest = { name: 'opengid-service-app', private: true, dependencies: {} }
  writeFileSync(path.join(SERVICE_DIR, 'package.json'), JSON.stringify(manifest, null, 2) + '\n')
  log('service: npm pack @opengid/server')
  await installFromTarball(SERVICE_DIR, 'server')
  log(`service: npm install in ${SERVICE_DIR}`)
  await installApp(SERVICE_DIR)
}

/** Throws unless prepareServiceApp ran: suites read the installed bin, never build it. */
export function requireServiceApp(): string {
  if (!existsSync(SERVICE_BIN)) {
    throw new Error(`No packed service at ${SERVICE_DIR}: run \`npm run test:builds\` (npm test does) first.`)
  }
  return SERVICE_BIN
}
