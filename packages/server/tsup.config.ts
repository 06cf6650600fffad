import { defineConfig } from 'tsup'

export default defineConfig({
  entry: ['src/index.ts', 'src/dev.ts'],
  format: ['esm', 'cjs'],
  dts: true,
  target: 'es2017',
  platform: 'node',
  clean: true,
})
