import { defineComponent, h, onMounted, ref, type PropType } from 'vue'
import { withBase } from 'vitepress'
import { SCENARIOS } from '../../../src/demo/scenario'

type Lang = 'zh' | 'en'

const TEXT = {
  zh: {
    checking: '正在连接演示所需的本地服务…',
    scenarios: '换一种打开方式',
    frame: 'opengid H5 演示',
    noServer: [
      '这份站点是静态托管的，没有演示所需的服务端（解密接口和模拟的微信）。克隆仓库后运行 ',
      '，在本地预览的站点里就能在这里试用演示。',
    ],
  },
  en: {
    checking: 'Reaching the local server the demo needs…',
    scenarios: 'Open it another way',
    frame: 'The opengid H5 demo',
    noServer: [
      'This copy of the site is served as static files, without the server the demo needs (the resolver endpoint and the fake WeChat). Run ',
      ' in a clone of the repository to try the demo here.',
    ],
  },
} as const

/**
 * Is the docs preview's server behind this page? `npm run docs` serves the site from the dev
 * server, whose fake WeChat answers this; a static host answers 404 (or 405) instead.
 */
async function demoServerIsThere(): Promise<boolean> {
  try {
    const response = await fetch(withBase('/__wechat/check-session'), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ user: 'docs-probe' }),
    })
    if (!response.ok) return false
    const body = (await response.json()) as { valid?: unknown }
    return typeof body.valid === 'boolean'
  } catch {
    return false
  }
}

/**
 * The H5 demo (built into the site under /demo/) in a frame, with the demo's scenario links
 * beside it: each opens in the frame. Where no server is there it says so instead.
 */
export const DemoFrame = defineComponent({
  props: { lang: { type: String as PropType<Lang>, default: 'en' } },
  setup(props) {
    const state = ref<'checking' | 'live' | 'static'>('checking')
    onMounted(async () => {
      state.value = (await demoServerIsThere()) ? 'live' : 'static'
    })
    return () => {
      const text = TEXT[props.lang]
      if (state.value === 'checking') return h('p', { class: 'demo-note' }, text.checking)
      if (state.value === 'static') {
        const [before, after] = text.noServer
        return h('p', { class: 'demo-note demo-static' }, [before, h('code', 'npm run docs'), after])
      }
      const demo = withBase('/demo/')
      return h('div', { class: 'demo-frame' }, [
        h('iframe', { name: 'opengid-demo', title: text.frame, src: demo + SCENARIOS[0].query }),
        h('nav', { class: 'demo-scenarios' }, [
          h('h3', text.scenarios),
          h(
            'ul',
            SCENARIOS.map((s) =>
              h('li', { key: s.query }, [
                h('a', { href: demo + s.query, target: 'opengid-demo' }, props.lang === 'zh' ? s.zh : s.label),
              ]),
            ),
          ),
        ]),
      ])
    }
  },
})
