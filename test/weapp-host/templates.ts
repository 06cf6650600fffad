import { wxmlToJs } from 'miniprogram-compiler'

/** A page's or component's template as wcc compiles it: what j-component renders. */
export type Template = (...args: unknown[]) => unknown

const WCC_GLOBALS = ['$gwx', '__WXML_GLOBAL__', '$gwn', '$gwl', 'wh', 'gra', 'grb']

/**
 * Compiles every template of a weapp build (base.wxml, its recursive templates,
 * utils.wxs and each page's .wxml) with WeChat's own `wcc`, as the WeChat client
 * does, so a template the client would draw wrong is drawn wrong here too.
 */
export function compileTemplates(root: string): (file: string) => Template {
  // wcc's output is a script for one app per page context: it assigns $gwx, its template
  // cache __WXML_GLOBAL__ and helpers as globals. Declared here, they stay this build's
  // own, so two builds in one process (a deliberately broken copy, the consumer app)
  // never draw with each other's templates. What it adds to the builtin prototypes
  // (wxs's nv_* members) can be added once per realm: the flag it guards that with
  // says whether an earlier build did.
  const seed = Object.getOwnPropertyDescriptor(Function.prototype, 'nv_length') ? '{ wxs_nf_init: true }' : 'undefined'
  const script = `var ${WCC_GLOBALS.join(', ')};\n__WXML_GLOBAL__ = ${seed};\n${wxmlToJs(root)}`
  const gwx = new Function(script)() as (file: string) => Template | undefined
  return (file) => {
    const template = gwx(file)
    if (typeof template !== 'function') throw new Error(`wcc compiled no template for ${file} in ${root}`)
    return template
  }
}
