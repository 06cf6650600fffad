import path from 'node:path'
import { createContext } from 'node:vm'
import type { ModuleFunction, WeappBundle } from './bundle'

export interface Sandbox {
  /** Runs a build file (and what it requires) once per sandbox, like WeChat's module loader. `from` is the requiring file. */
  require(request: string, from?: string): unknown
}

/**
 * One app's JavaScript world: a fresh vm context holding only `globals`, so
 * each app gets its own webpack module registry, its own Taro runtime and
 * React, and nothing leaks into the test's realm or into the next app.
 * `within`, an independent subpackage's root, confines it to that subpackage's
 * files, as WeChat has downloaded nothing else when it runs one.
 */
export function createSandbox(bundle: WeappBundle, globals: Record<string, unknown>, within = ''): Sandbox {
  const context = createContext({ ...globals })
  const modules = new Map<string, { exports: unknown }>()

  const load = (file: string): unknown => {
    if (within !== '' && !file.startsWith(`${within}/`)) {
      throw new Error(
        `${file} is outside the independent subpackage ${within}, which WeChat runs without the rest of the build`,
      )
    }
    const loaded = modules.get(file)
    if (loaded) return loaded.exports
    const module = { exports: {} }
    // Registered before running, so a require cycle sees the partial exports as in CommonJS.
    modules.set(file, module)
    const run = bundle.script(file).runInContext(context) as ModuleFunction
    run((request) => load(resolve(bundle, file, request)), module, module.exports)
    return module.exports
  }
  return { require: (request, from = '') => load(resolve(bundle, from, request)) }
}

/** WeChat resolves a path (a require, a component of usingComponents) against the using file's folder, or the root for '/…'. */
export function wechatPath(from: string, request: string): string {
  return request.startsWith('/') ? request.slice(1) : path.posix.join(path.posix.dirname(from), request)
}

/** A required file as WeChat finds it; '.js' may be left out. */
function resolve(bundle: WeappBundle, from: string, request: string): string {
  const file = wechatPath(from, request)
  if (bundle.has(file)) return file
  if (bundle.has(`${file}.js`)) return `${file}.js`
  throw new Error(`${from || 'The host'} requires '${request}', which is not in the weapp build`)
}
