import { readdirSync, statSync } from 'node:fs'
import path from 'node:path'
import { TOPICS, type Topic } from '../../docs/.vitepress/topics'
import { sitePage, type Lang } from '../../tools/docBlocks'
import { apiDir } from '../../tools/docs/apiReference'

/** A page of the built site, by the URL path VitePress gives it (`/en/guide/states.html`). */
export interface SitePage {
  lang: Lang
  url: string
  /** Its topic, when it is one of topics.ts (the home page and the API modules are not). */
  topic?: Topic
}

const PREFIX: Record<Lang, string> = { zh: '/', en: '/en/' }

/** A page path (as in topics.ts, no `.md`) → its URL: a folder's index is the folder. */
export const pageUrl = (lang: Lang, page: string) =>
  PREFIX[lang] + (page === 'index' ? '' : page.endsWith('/index') ? page.slice(0, -'index'.length) : `${page}.html`)

/**
 * The markdown pages under a folder, as page paths (no `.md`), relative to it; VitePress's
 * own folders (`.vitepress`) and the static assets (`public`) hold no pages.
 */
export function markdownUnder(dir: string, base = dir): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name)
    if (statSync(file).isDirectory()) return name.startsWith('.') || name === 'public' ? [] : markdownUnder(file, base)
    return name.endsWith('.md') ? [path.relative(base, file).slice(0, -'.md'.length)] : []
  })
}

/** Every page of the built site in one language: home, every topic, every generated API page. */
export function sitePages(lang: Lang): SitePage[] {
  const reference = path
    .relative(path.dirname(sitePage('index', lang)), apiDir(lang))
    .split(path.sep)
    .join('/')
  const generated = markdownUnder(apiDir(lang))
    .filter((page) => page !== 'index')
    .map((page) => ({ lang, url: pageUrl(lang, `${reference}/${page}`) }))
  return [
    { lang, url: pageUrl(lang, 'index') },
    ...TOPICS.map((topic) => ({ lang, url: pageUrl(lang, topic.path), topic })),
    ...generated,
  ]
}
