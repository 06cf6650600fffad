const path = require('node:path')

const transform = { '\\.[jt]sx?$': ['babel-jest', { configFile: path.join(__dirname, 'babel.config.js') }] }

// The kit and the demo are resolved from source everywhere in this repository
// (jest, tsc, the Taro build): one way, no stale dist.
const sources = {
  '^@opengid/taro$': '<rootDir>/packages/taro/src/index.ts',
  '^@opengid/taro/vanilla$': '<rootDir>/packages/taro/src/vanilla.ts',
  '^@opengid/taro/vue$': '<rootDir>/packages/taro/src/vue.ts',
  '^@opengid/taro/testing$': '<rootDir>/packages/taro/src/testing.ts',
  '^@opengid/server$': '<rootDir>/packages/server/src/index.ts',
  '^@opengid/server/dev$': '<rootDir>/packages/server/src/dev.ts',
}

// jose is ESM-only: babel turns it into CommonJS for the projects whose code signs or verifies tickets.
const transformJose = ['/node_modules/(?!jose/)']

const withFakeTaro = {
  ...sources,
  // Jest cannot load the real Taro runtime; tests pick a platform mode of this fake.
  '^@tarojs/taro$': '<rootDir>/tools/fake-taro/index.ts',
  '^@tarojs/components$': '<rootDir>/tools/fake-taro/components.tsx',
}

/** @type {import('jest').Config} */
module.exports = {
  projects: [
    {
      displayName: 'taro',
      rootDir: __dirname,
      testEnvironment: 'jsdom',
      testMatch: ['<rootDir>/packages/taro/test/**/*.test.{ts,tsx}'],
      // The Vue binding's tests run in their own project, below.
      testPathIgnorePatterns: ['/node_modules/', '<rootDir>/packages/taro/test/vue/'],
      transform,
      // The login-race test decrypts with @opengid/server, which signs tickets with jose.
      transformIgnorePatterns: transformJose,
      moduleNameMapper: withFakeTaro,
      setupFilesAfterEnv: ['<rootDir>/test/setup/rtlTimeout.ts'],
    },
    {
      displayName: 'vue',
      rootDir: __dirname,
      testEnvironment: 'jsdom',
      testMatch: ['<rootDir>/packages/taro/test/vue/**/*.test.ts'],
      transform,
      moduleNameMapper: {
        ...withFakeTaro,
        '^@tarojs/components$': '<rootDir>/packages/taro/test/vue/support/fakeComponents.ts',
      },
    },
    {
      // The docs' test recipes, as written there (tools/docBlocks.ts writes them out).
      displayName: 'docs',
      rootDir: __dirname,
      testEnvironment: 'jsdom',
      testMatch: ['<rootDir>/test/docs/blocks/**/*.test.{ts,tsx}'],
      transform,
      moduleNameMapper: withFakeTaro,
      setupFilesAfterEnv: ['<rootDir>/test/setup/rtlTimeout.ts'],
    },
    {
      displayName: 'server',
      rootDir: __dirname,
      testEnvironment: 'node',
      testMatch: ['<rootDir>/packages/server/test/**/*.test.ts'],
      transform,
      transformIgnorePatterns: transformJose,
      moduleNameMapper: sources,
    },
    {
      // The stand-ins in tools/ that the other projects stand on (the fake Taro is what it checks).
      displayName: 'tools',
      rootDir: __dirname,
      testEnvironment: 'node',
      testMatch: ['<rootDir>/test/tools/**/*.test.ts'],
      transform,
      moduleNameMapper: withFakeTaro,
    },
    {
      // Redis killed, stopped and never up, WeChat hanging and failing: real servers on loopback (issue 19).
      displayName: 'faults',
      rootDir: __dirname,
      testEnvironment: 'node',
      testMatch: ['<rootDir>/test/faults/**/*.test.ts'],
      transform,
      transformIgnorePatterns: transformJose,
      moduleNameMapper: sources,
    },
    {
      displayName: 'e2e',
      rootDir: __dirname,
      testEnvironment: 'node',
      testMatch: ['<rootDir>/test/**/*.test.ts'],
      // The README's test blocks run in the docs project, with the fake Taro; the faults in their own.
      testPathIgnorePatterns: [
        '/node_modules/',
        '<rootDir>/test/docs/blocks/',
        '<rootDir>/test/tools/',
        '<rootDir>/test/faults/',
      ],
      transform,
      transformIgnorePatterns: transformJose,
      moduleNameMapper: sources,
    },
  ],
}
