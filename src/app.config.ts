/**
 * The chat tool: WeChat's fields, which Taro 4.2 passes through to app.json but does
 * not type (`chatTools`, and a subpackage's `renderer` / `componentFramework`), hence
 * the cast. One independent subpackage, drawn by Skyline; WeChat opens its entry page
 * inside a group chat. No `entry` file: it is optional, and Taro would not emit one.
 */
const chatTool = {
  subPackages: [
    {
      root: 'packageChatTool',
      pages: ['pages/todo/index'],
      independent: true,
      renderer: 'skyline',
      componentFramework: 'glass-easel',
    },
  ],
  chatTools: [
    {
      root: 'packageChatTool',
      entryPagePath: 'pages/todo/index',
      desc: 'A to-do list for the group',
      scopes: [],
    },
  ],
  rendererOptions: { skyline: { defaultDisplayBlock: true, defaultContentBox: true } },
  lazyCodeLoading: 'requiredComponents',
} as unknown as Pick<Taro.AppConfig, 'subPackages'>

export default defineAppConfig({
  pages: ['pages/index/index'],
  window: {
    backgroundTextStyle: 'light',
    navigationBarBackgroundColor: '#fff',
    navigationBarTitleText: 'opengid demo',
    navigationBarTextStyle: 'black',
  },
  ...chatTool,
})
