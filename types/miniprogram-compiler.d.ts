/** WeChat's official template compiler: runs the `wcc` binary its npm package ships. */
declare module 'miniprogram-compiler' {
  /**
   * The build's .wxml and .wxs compiled into the body of a function that returns `$gwx`:
   * every one under `rootPath`, or only the listed ones (paths relative to it).
   */
  export function wxmlToJs(rootPath: string, options?: { wxmlList: string[]; wxsList: string[] }): string
}
