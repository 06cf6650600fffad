import { existsSync, readFileSync } from 'node:fs'
import { defineConfig, type DefaultTheme } from 'vitepress'
import { SECTIONS, type Topic } from './topics'

type Lang = 'zh' | 'en'
const PREFIX: Record<Lang, string> = { zh: '/', en: '/en/' }

const link = (lang: Lang, path: string) => PREFIX[lang] + path.replace(/(^|\/)index$/, '$1')

/**
 * The generated API reference's pages, one per entry point, from the sidebar TypeDoc wrote
 * beside the English reference (its links start /en/; the Chinese copy is the same tree at /).
 * Missing before `npm run docs:build` has run TypeDoc: the topic is then listed alone.
 */
function apiModules(lang: Lang): DefaultTheme.SidebarItem[] | undefined {
  const file = new URL('../en/reference/api/typedoc-sidebar.json', import.meta.url)
  if (!existsSync(file)) return undefined
  const items = JSON.parse(readFileSync(file, 'utf8')) as { text: string; link: string }[]
  return items.map(({ text, link }) => ({ text, link: PREFIX[lang] + link.replace(/^\/en\//, '') }))
}

const sidebarItem = (lang: Lang, topic: Topic): DefaultTheme.SidebarItem => ({
  text: topic[lang],
  link: link(lang, topic.path),
  items: topic.generated ? apiModules(lang) : undefined,
})

const sidebar = (lang: Lang): DefaultTheme.SidebarItem[] =>
  SECTIONS.map((section) => ({
    text: section[lang],
    items: section.topics.map((topic) => sidebarItem(lang, topic)),
  }))

const nav = (lang: Lang): DefaultTheme.NavItem[] => [
  { text: lang === 'zh' ? '指南' : 'Guide', link: link(lang, 'guide/introduction') },
  { text: lang === 'zh' ? '服务端' : 'Server', link: link(lang, 'server/frameworks') },
  { text: lang === 'zh' ? '参考' : 'Reference', link: link(lang, 'reference/errors') },
  { text: lang === 'zh' ? '试一试' : 'Try it', link: link(lang, 'try') },
]

export default defineConfig({
  title: 'opengid',
  // Without an icon of its own, the browser asks for /favicon.ico, which the site does not have.
  head: [['link', { rel: 'icon', type: 'image/svg+xml', href: '/logo.svg' }]],
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
    logo: '/logo.svg',
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
