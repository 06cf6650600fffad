import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { Script } from 'node:vm'
import { compileTemplates, type Template } from './templates'

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
  /** A .wxml file compiled by WeChat's wcc. */
  template(file: string): Template
}

/**
 * Reads every .js and .json file of a weapp build (e.g. dist/weapp) and compiles
 * its templates up front: a rebuild started elsewhere wipes that directory, and
 * apps launched later must not half-read an old build and half a new one.
 */
export function readWeappBundle(root: string): WeappBundle {
  const sources = new Map<string, string>()
  for (const entry of readdirSync(root, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !/\.(js|json)$/.test(entry.name)) continue
    const file = path.join(entry.parentPath, entry.name)
    sources.set(path.relative(root, file).split(path.sep).join('/'), readFileSync(file, 'utf8'))
  }
  const template = compileTemplates(root)
  const scripts = new Map<string, Script>()
  const source = (file: string): string => {
    const text = sources.get(file)
    if (text === undefined) throw new Error(`${file} is not in the weapp build at ${root}`)
    return text
  }
  return {
    has: (file) => sources.has(file),
    json: (file) => JSON.parse(source(file)),
    template,
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
