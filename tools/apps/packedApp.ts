import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { ROOT } from '../root'
import { run } from '../run'

// An app outside the repository that installs this repository's packages as a user
// does: from the tarballs `npm pack` makes (their dist must be built first).

/**
 * Clears what a run makes in the app folder (sources, build, tarballs, lock and the
 * installed kit), keeping the rest of node_modules: installs are then quick, and a
 * tarball of an unchanged version is still unpacked again.
 */
export function clearApp(appDir: string): void {
  for (const entry of ['src', 'config', 'types', 'dist', 'vendor', 'package-lock.json', 'node_modules/@opengid']) {
    rmSync(path.join(appDir, entry), { recursive: true, force: true })
  }
  mkdirSync(path.join(appDir, 'vendor'), { recursive: true })
}

/** Packs packages/<pkg> into the app's vendor/ and points the app's dependency on it at the tarball. */
export async function installFromTarball(appDir: string, pkg: 'taro' | 'server'): Promise<void> {
  const dir = path.join(ROOT, 'packages', pkg)
  const { name, version } = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8'))
  await run('npm', ['pack', '--pack-destination', path.join(appDir, 'vendor')], { cwd: dir })
  // npm names a scoped package's tarball without the '@' and with '-' for '/'.
  const tarball = `${name.slice(1).replace('/', '-')}-${version}.tgz`
  if (!existsSync(path.join(appDir, 'vendor', tarball))) throw new Error(`npm pack did not write ${tarball}`)
  const manifestFile = path.join(appDir, 'package.json')
  const manifest = JSON.parse(readFileSync(manifestFile, 'utf8'))
  manifest.dependencies[name] = `file:./vendor/${tarball}`
  writeFileSync(manifestFile, JSON.stringify(manifest, null, 2) + '\n')
}

/** Installs the app's dependencies, the tarballs among them. */
export async function installApp(appDir: string): Promise<void> {
  await run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund'], { cwd: appDir })
}
