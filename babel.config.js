// babel-preset-taro compiles the demo app for Taro; jest reuses it so tests see
// the same JSX and TypeScript transforms the app is built with.
module.exports = {
  presets: [
    [
      'taro',
      {
        framework: 'react',
        ts: true,
        compiler: 'webpack5',
        // jest runs on Node 20: no polyfills, no regenerator, native async.
        ...(process.env.NODE_ENV === 'test' ? { targets: { node: 'current' }, useBuiltIns: false } : {}),
      },
    ],
  ],
}
