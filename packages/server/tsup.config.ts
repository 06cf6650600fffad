import { defineConfig } from 'tsup'

export default defineConfig({
  entry: ['src/index.ts', 'src/dev.ts'],
  format: ['esm', 'cjs'],
  dts: true,
  target: 'es2017',
  platform: 'node',
  // jose is ESM-only: bundled into both builds (only the JWT sign/verify parts survive
  // tree-shaking), the CJS build loads on any Node 20 without require(esm), and the
  // package keeps zero runtime dependencies.
  noExternal: ['jose'],
  clean: true,
})
