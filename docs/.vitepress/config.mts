import { defineConfig, type DefaultTheme } from 'vitepress'
import { SECTIONS } from './topics'

type Lang = 'zh' | 'en'
const PREFIX: Record<Lang, string> = { zh: '/', en: '/en/' }

const link = (lang: Lang, path: string) => PREFIX[lang] + path.replace(/(^|\/)index$/, '$1')

const sidebar = (lang: Lang): DefaultTheme.SidebarItem[] =>
  SECTIONS.map((section) => ({
    text: section[lang],
    items: section.topics.map((topic) => ({ text: topic[lang], link: link(lang, topic.path) })),
  }))

const nav = (lang: Lang): DefaultTheme.NavItem[] => [
  { text: lang === 'zh' ? '指南' : 'Guide', link: link(lang, 'guide/introduction') },
  { text: lang === 'zh' ? '服务端' : 'Server', link: link(lang, 'server/frameworks') },
  { text: lang === 'zh' ? '参考' : 'Reference', link: link(lang, 'reference/errors') },
  { text: lang === 'zh' ? '试一试' : 'Try it', link: link(lang, 'try') },
]

export default defineConfig({
  title: 'opengid',
  // The figures files are written by `npm run bench` / `npm run faults` and shown through
  // the reference pages' includes, not as pages of their own.
  srcExclude: ['PERFORMANCE.md', 'RELIABILITY.md', 'platform-facts.md'],
  locales: {
    root: {
      label: '简体中文',
      lang: 'zh-CN',
      description: '让 Taro 应用知道它是从哪个微信群打开的',
      themeConfig: {
        nav: nav('zh'),
        sidebar: sidebar('zh'),
        outline: { label: '本页目录' },
        docFooter: { prev: '上一页', next: '下一页' },
        returnToTopLabel: '回到顶部',
        sidebarMenuLabel: '菜单',
        darkModeSwitchLabel: '外观',
        langMenuLabel: '切换语言',
      },
    },
    en: {
      label: 'English',
      lang: 'en-US',
      link: '/en/',
      description: 'Know which WeChat group a Taro app was opened from',
      themeConfig: { nav: nav('en'), sidebar: sidebar('en') },
    },
  },
  themeConfig: {
    search: {
      provider: 'local',
      options: {
        locales: {
          root: {
            translations: {
              button: { buttonText: '搜索', buttonAriaLabel: '搜索' },
              modal: {
                noResultsText: '没有结果',
                resetButtonTitle: '清除',
                footer: { selectText: '选择', navigateText: '切换', closeText: '关闭' },
              },
            },
          },
        },
      },
    },
  },
})
