/** WeChat's official template compiler: runs the `wcc` binary its npm package ships. */
declare module 'miniprogram-compiler' {
  /** The build's every .wxml and .wxs compiled into the body of a function that returns `$gwx`. */
  export function wxmlToJs(rootPath: string): string
}
