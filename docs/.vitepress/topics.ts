/**
 * Every page of the site, once: the sidebar of both languages is drawn from it, and the
 * docs tests read it to check that each topic has its Chinese page (the default, at the
 * root) and its English twin under `en/`, with the same code blocks.
 */
export interface Topic {
  /** The page's path without `.md`, the same in both languages. */
  path: string
  zh: string
  en: string
  /** Written by the docs build (TypeDoc), not by hand: no code blocks are read from it. */
  generated?: true
}

export interface Section {
  zh: string
  en: string
  topics: Topic[]
}

export const SECTIONS: Section[] = [
  {
    zh: '指南',
    en: 'Guide',
    topics: [
      { path: 'guide/introduction', zh: '它是什么', en: 'What it is' },
      { path: 'guide/quickstart-react', zh: '快速上手：React', en: 'Quickstart: React' },
      { path: 'guide/quickstart-vue', zh: '快速上手：Vue', en: 'Quickstart: Vue' },
      { path: 'guide/states', zh: '状态与展示', en: 'States and what to show' },
      { path: 'guide/single-chats', zh: '单聊', en: 'Single chats' },
      { path: 'guide/chat-tool', zh: '聊天工具', en: 'The chat tool' },
      { path: 'guide/testing', zh: '用模拟器测试', en: 'Testing with the simulator' },
      { path: 'guide/versions', zh: '版本与平台', en: 'Versions and platforms' },
    ],
  },
  {
    zh: '服务端',
    en: 'Server',
    topics: [
      { path: 'server/frameworks', zh: '你的服务端', en: 'Your server' },
      { path: 'server/cloud-function', zh: '云函数', en: 'Cloud function' },
      { path: 'server/service', zh: '独立服务', en: 'The standalone service' },
      { path: 'server/trust-ticket', zh: '在你的 API 中信任票据', en: 'Trusting the ticket in your API' },
      { path: 'server/sessions', zh: '会话、Redis 与多实例', en: 'Sessions, Redis and many instances' },
      { path: 'server/chat-tool-messages', zh: '聊天工具动态消息', en: 'Chat tool messages' },
      { path: 'server/fake-wechat', zh: '假微信与开发服务器', en: 'Fake WeChat and the dev server' },
    ],
  },
  {
    zh: '参考',
    en: 'Reference',
    topics: [
      { path: 'reference/errors', zh: '错误码', en: 'Errors' },
      { path: 'reference/faq', zh: '常见问题', en: 'FAQ' },
      { path: 'reference/performance', zh: '性能', en: 'Performance' },
      { path: 'reference/reliability', zh: '可靠性', en: 'Reliability' },
      { path: 'reference/platform-facts', zh: '平台事实', en: 'Platform facts' },
      { path: 'reference/api/index', zh: 'API 参考', en: 'API reference', generated: true },
    ],
  },
  {
    zh: '试一试',
    en: 'Try it',
    topics: [{ path: 'try', zh: '在浏览器里试一试', en: 'Try it in the browser' }],
  },
]

export const TOPICS: Topic[] = SECTIONS.flatMap((section) => section.topics)
