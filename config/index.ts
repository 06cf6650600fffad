import path from 'node:path'
import { defineConfig, type UserConfigExport } from '@tarojs/cli'
import devConfig from './dev'
import prodConfig from './prod'

const root = path.resolve(__dirname, '..')

// The demo imports the kit by package name and is compiled from the packages'
// source, the same way jest and tsc resolve them (see tsconfig.json paths). The
// bench also builds it over an earlier kit, into a folder of its own, to measure
// both in one run (bench/weapp/baseline.ts).
const kitSource = process.env.OPENGID_KIT_SOURCE || path.join(root, 'packages/taro/src')
const alias = { '@opengid/taro': kitSource }
// Taro compiles only src/ by default; the kit's TypeScript source needs the same loaders.
const compile = { include: [kitSource] }

if (process.env.TARO_ENV === 'weapp' && !process.env.OPENGID_RESOLVER_URL) {
  console.warn('OPENGID_RESOLVER_URL is not set: this weapp build calls the local dev server (127.0.0.1:8787).')
}

export default defineConfig<'webpack5'>(async (merge) => {
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'opengid-demo',
    date: '2026-11-24',
    designWidth: 750,
    deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
    sourceRoot: 'src',
    outputRoot: process.env.OPENGID_OUTPUT_ROOT || `dist/${process.env.TARO_ENV}`,
    plugins: [],
    defineConstants: {
      // The weapp build's resolver endpoint, fixed at build time (see README).
      OPENGID_RESOLVER_URL: JSON.stringify(process.env.OPENGID_RESOLVER_URL || 'http://127.0.0.1:8787/api/opengid'),
    },
    alias,
    framework: 'react',
    compiler: { type: 'webpack5', prebundle: { enable: false } },
    cache: { enable: false },
    mini: {
      compile,
      postcss: { pxtransform: { enable: true, config: {} }, cssModules: { enable: false } },
    },
    h5: {
      compile,
      // Relative, so one build serves both at the root (`npm start`) and under the docs
      // site's /demo/ (the hash router keeps the page's path, so assets resolve beside it).
      publicPath: './',
      staticDirectory: 'static',
      router: { mode: 'hash' },
      postcss: { autoprefixer: { enable: true, config: {} }, cssModules: { enable: false } },
    },
  }
  return merge({}, baseConfig, process.env.NODE_ENV === 'development' ? devConfig : prodConfig)
})
