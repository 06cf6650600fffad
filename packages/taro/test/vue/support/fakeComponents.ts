// `@tarojs/components` as a Taro Vue 3 weapp build sees it: each component is the
// name of the native element Taro's runtime creates (Taro's own weapp export).
export const OpenData = 'open-data'
