import path from 'node:path'

/** One package of a weapp build, as WeChat downloads and runs it. */
export interface WeappPackage {
  /** '' for the main package; a subpackage's root, without a trailing '/'. */
  root: string
  /** Runs without the main package: WeChat then loads neither app.js nor any file outside `root`. */
  independent: boolean
  /** The subpackage's entry file (app.json `entry`), which WeChat runs first when it loads the subpackage. */
  entry?: string
}

/** What this host reads of app.json. */
export interface AppJson {
  pages: string[]
  subPackages?: SubPackageJson[]
  /** WeChat accepts this spelling too. */
  subpackages?: SubPackageJson[]
}

interface SubPackageJson {
  root: string
  independent?: boolean
  entry?: string
}

export interface PackageLayout {
  /** The main package's first page: where a launch goes when it names none. */
  readonly firstPage: string
  /** The package a build file (a page, a script, a template) belongs to. */
  of(file: string): WeappPackage
}

const MAIN: WeappPackage = { root: '', independent: false }

export function packageLayout(app: AppJson): PackageLayout {
  const subpackages: WeappPackage[] = (app.subPackages ?? app.subpackages ?? []).map(
    ({ root, independent = false, entry }) => {
      const trimmed = root.replace(/^\/+|\/+$/g, '')
      // WeChat reads `entry` relative to the subpackage's root.
      return { root: trimmed, independent, ...(entry === undefined ? {} : { entry: path.posix.join(trimmed, entry) }) }
    },
  )
  return {
    firstPage: app.pages[0],
    of: (file) => subpackages.find(({ root }) => file.startsWith(`${root}/`)) ?? MAIN,
  }
}
