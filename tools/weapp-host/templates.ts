import { wxmlToJs } from 'miniprogram-compiler'

/** A page's or component's template as wcc compiles it: what j-component renders. */
export type Template = (...args: unknown[]) => unknown

const WCC_GLOBALS = ['$gwx', '__WXML_GLOBAL__', '$gwn', '$gwl', 'wh', 'gra', 'grb']

/** One package's templates, as paths relative to the build root with their extensions. */
export interface TemplateFiles {
  wxml: string[]
  wxs: string[]
}

/**
 * Compiles one package's templates (base.wxml, its recursive templates, utils.wxs
 * and each page's .wxml) with WeChat's own `wcc`, as the WeChat client does, so a
 * template the client would draw wrong is drawn wrong here too.
 */
export function compileTemplates(root: string, files: TemplateFiles): (file: string) => Template {
  // wcc's output is a script for one app per page context: it assigns $gwx, its template
  // cache __WXML_GLOBAL__ and helpers as globals. Declared here, they stay this compile's
  // own, so two builds in one process (a deliberately broken copy, the consumer app), or a
  // build's main package and its independent subpackage, never draw with each other's
  // templates. What it adds to the builtin prototypes (wxs's nv_* members) can be added
  // once per realm: the flag it guards that with says whether an earlier compile did. The
  // first $gwx call adds them, so the flag is read at this compile's first call, not here.
  const compiled = wxmlToJs(root, { wxmlList: files.wxml, wxsList: files.wxs })
  const script = `var ${WCC_GLOBALS.join(', ')};\n__WXML_GLOBAL__ = initialised ? { wxs_nf_init: true } : undefined;\n${compiled}`
  const run = new Function('initialised', script) as (initialised: boolean) => (file: string) => Template | undefined
  let gwx: ((file: string) => Template | undefined) | undefined
  return (file) => {
    gwx ??= run(Object.getOwnPropertyDescriptor(Function.prototype, 'nv_length') !== undefined)
    const template = gwx(file)
    if (typeof template !== 'function') throw new Error(`wcc compiled no template for ${file} in ${root}`)
    return template
  }
}
