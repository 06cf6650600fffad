import { defineConfig } from 'tsup'

export default defineConfig({
  entry: { index: 'src/index.ts', vanilla: 'src/vanilla.ts', vue: 'src/vue.ts', testing: 'src/testing.ts' },
  format: ['esm', 'cjs'],
  dts: true,
  // Mini-program runtimes choke on newer syntax (e.g. #private fields).
  target: 'es2017',
  clean: true,
  tsconfig: 'tsconfig.build.json',
  sourcemap: false,
  external: ['react', 'react/jsx-runtime', 'vue', '@tarojs/taro', '@tarojs/components'],
  esbuildOptions(options) {
    options.jsx = 'automatic'
  },
})
