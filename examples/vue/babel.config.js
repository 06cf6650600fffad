// babel-preset-taro's Vue 3 mode: the JSX plugin for .tsx, TypeScript for <script lang="ts">.
module.exports = {
  presets: [['taro', { framework: 'vue3', ts: true, compiler: 'webpack5' }]],
}
