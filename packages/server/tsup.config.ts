import { defineConfig } from 'tsup'

export default defineConfig([
  {
    entry: ['src/index.ts', 'src/dev.ts'],
    format: ['esm', 'cjs'],
    dts: true,
    target: 'es2017',
    platform: 'node',
    // jose is ESM-only: bundled into both builds (only the JWT sign/verify parts survive
    // tree-shaking), the CJS build loads on any Node 20 without require(esm), and the
    // library keeps zero runtime dependencies of its own (pino, prom-client and ioredis
    // are the service's, below).
    noExternal: ['jose'],
    clean: true,
  },
  {
    // The `opengid-server` bin: ESM only (the package is "type": "module"), the shebang
    // kept from src/service/bin.ts. Its dependencies stay external: installed with the package.
    entry: { bin: 'src/service/bin.ts' },
    format: ['esm'],
    target: 'es2017',
    platform: 'node',
    noExternal: ['jose'],
  },
])
