import js from '@eslint/js'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import tseslint from 'typescript-eslint'

/** The server bundles the wire contract from the client's core, and nothing else of the client. */
const WIRE_ONLY = { regex: 'taro/src/(?!core/wire$)', message: 'Only core/wire.ts is shared.' }
const NO_CLIENT = { regex: 'taro/src/', message: 'Import the wire contract from shared/wire.ts.' }

export default tseslint.config(
  {
    ignores: [
      '**/dist/**',
      'node_modules/**',
      'coverage/**',
      'test-artifacts/**',
      'bench/results.json',
      'test/docs/blocks/**',
      'docs/.vitepress/cache/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser, ...globals.node, ...globals.jest } },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Type tests declare values only to inspect their types.
    files: ['**/*.test-d.ts'],
    rules: { '@typescript-eslint/no-unused-vars': 'off' },
  },
  {
    files: ['**/*.js', '**/*.cjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // Vue composables are called in setup(), which the React hooks rules cannot tell from a hook misuse.
    files: ['packages/taro/src/vue/**/*.ts', 'packages/taro/test/vue/**/*.ts', 'packages/taro/test/**/vue.test-d.ts'],
    rules: { 'react-hooks/rules-of-hooks': 'off', 'react-hooks/exhaustive-deps': 'off' },
  },
  // @opengid/taro's layers (packages/taro/src/README.md): imports only point down.
  layer('core', 'imports no package and no other layer', ['../*/**', '@tarojs/*', 'react', 'react/*', 'vue']),
  layer('taro', 'may use core and @tarojs/taro', [
    '../react/*',
    '../vue/*',
    '../testing/*',
    '@tarojs/components',
    'react',
    'vue',
  ]),
  layer('react', 'may use core, taro, react and @tarojs/components', ['../vue/*', '../testing/*', 'vue']),
  layer('vue', 'may use core, taro, vue and @tarojs/components', ['../react/*', '../testing/*', 'react', 'react/*']),
  layer('testing', 'stands in for taro, so it may use core only', [
    '../taro/*',
    '../react/*',
    '../vue/*',
    '@tarojs/*',
    'react',
    'vue',
  ]),
  {
    // The entry points re-export; the client's wire contract reaches the server through shared/wire.ts alone.
    files: ['packages/server/src/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [NO_CLIENT] }] },
  },
  // The repository's own folders (README.md, "Layout"): the npm entry points, the suites and
  // the benchmark share code through tools/ only, so none of them reaches into another.
  topFolder('scripts', ['test', 'bench']),
  topFolder('test', ['scripts', 'bench']),
  topFolder('bench', ['scripts', 'test']),
  topFolder('tools', ['scripts', 'test', 'bench']),
  // @opengid/server's layers (packages/server/README.md): a folder imports only from the layers below its own.
  ...serverLayers([
    ['shared'],
    ['stores'],
    ['openData', 'wechat', 'ticket'],
    ['sessions', 'cloud', 'chatTool'],
    ['resolver'],
    ['http'],
    ['service', 'dev'],
  ]),
)

/** A folder of packages/taro/src whose imports must not reach `forbidden` (gitignore-style patterns). */
function layer(folder, rule, forbidden) {
  return {
    files: [`packages/taro/src/${folder}/**/*.{ts,tsx}`],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: forbidden, message: `The ${folder} layer ${rule}.` }] }],
    },
  }
}

/** A top-level folder whose imports must not reach the top-level folders `forbidden`. */
function topFolder(folder, forbidden) {
  const names = forbidden.map((name) => `${name}/`).join(', ')
  return {
    files: [`${folder}/**`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: `^(\\.\\./)+(${forbidden.join('|')})(/|$)`,
              message: `${folder}/ imports nothing from ${names}: what they share lives in tools/.`,
            },
          ],
        },
      ],
    },
  }
}

/**
 * One config per folder of packages/server/src: it may import the folders of the
 * layers below, not another folder of its own layer nor any above, nor the entry
 * points. Each repeats the rule on the client's code, because a later
 * no-restricted-imports replaces an earlier one for the same file.
 */
function serverLayers(layers) {
  const order = layers.map((layer) => layer.join(' | ')).join(' → ')
  return layers.flatMap((layer, rank) =>
    layer.map((folder) => {
      const barred = layers
        .slice(rank)
        .flat()
        .filter((other) => other !== folder)
      const patterns = [
        { regex: '^(\\.\\./)+(index|dev)$', message: 'The entry points are for the outside: import the file itself.' },
        folder === 'shared' ? WIRE_ONLY : NO_CLIENT,
      ]
      if (barred.length > 0) {
        patterns.push({
          regex: `(^|/)(${barred.join('|')})(/|$)`,
          message: `The server's layers are ${order}; ${folder}/ imports only from those below its own.`,
        })
      }
      return {
        files: [`packages/server/src/${folder}/**/*.ts`],
        rules: { 'no-restricted-imports': ['error', { patterns }] },
      }
    }),
  )
}
