import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { Script } from 'node:vm'
import { packageLayout, type AppJson, type PackageLayout } from './packages'
import { compileTemplates, type Template, type TemplateFiles } from './templates'

/** The CommonJS wrapper WeChat gives every file of a Mini Program. */
export type ModuleFunction = (
  require: (request: string) => unknown,
  module: { exports: unknown },
  exports: unknown,
) => void

/** A compiled weapp build, held in memory. Paths are relative to the build root, with '/' separators. */
export interface WeappBundle {
  has(file: string): boolean
  json<T>(file: string): T
  /** The file's code compiled once as a module wrapper; run it in any number of app contexts. */
  script(file: string): Script
  /** A .wxml file compiled by WeChat's wcc, with the other templates of its package. */
  template(file: string): Template
  /** The main package and the subpackages of app.json. */
  readonly packages: PackageLayout
}

/**
 * Reads every .js and .json file of a weapp build (e.g. dist/weapp) and compiles
 * its templates up front: a rebuild started elsewhere wipes that directory, and
 * apps launched later must not half-read an old build and half a new one.
 */
export function readWeappBundle(root: string): WeappBundle {
  const sources = new Map<string, string>()
  const templateFiles: string[] = []
  for (const entry of readdirSync(root, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue
    const file = path.relative(root, path.join(entry.parentPath, entry.name)).split(path.sep).join('/')
    if (/\.(js|json)$/.test(file)) sources.set(file, readFileSync(path.join(root, file), 'utf8'))
    else if (/\.(wxml|wxs)$/.test(file)) templateFiles.push(file)
  }
  const source = (file: string): string => {
    const text = sources.get(file)
    if (text === undefined) throw new Error(`${file} is not in the weapp build at ${root}`)
    return text
  }
  const packages = packageLayout(JSON.parse(source('app.json')) as AppJson)
  const template = compilePackages(root, packages, templateFiles)
  const scripts = new Map<string, Script>()
  return {
    has: (file) => sources.has(file),
    json: (file) => JSON.parse(source(file)),
    template,
    packages,
    script(file) {
      let script = scripts.get(file)
      if (!script) {
        script = new Script(`(function (require, module, exports) {${source(file)}\n})`, {
          filename: path.join(root, file),
        })
        scripts.set(file, script)
      }
      return script
    },
  }
}

/**
 * One wcc compile per independent subpackage and one for the rest, as WeChat ships
 * them: an independent subpackage carries its own base.wxml and utils.wxs, and
 * draws with those even though the main package has files of the same names.
 */
function compilePackages(root: string, packages: PackageLayout, files: string[]): (file: string) => Template {
  const unitOf = (file: string) => {
    const owner = packages.of(file)
    return owner.independent ? owner.root : ''
  }
  const units = new Map<string, TemplateFiles>()
  for (const file of files) {
    const unit = unitOf(file)
    const list = units.get(unit) ?? { wxml: [], wxs: [] }
    ;(file.endsWith('.wxs') ? list.wxs : list.wxml).push(file)
    units.set(unit, list)
  }
  const compiled = new Map([...units].map(([unit, list]) => [unit, compileTemplates(root, list)]))
  return (file) => {
    const compile = compiled.get(unitOf(file))
    if (!compile) throw new Error(`No template of ${file}'s package is in the weapp build at ${root}`)
    return compile(file)
  }
}
