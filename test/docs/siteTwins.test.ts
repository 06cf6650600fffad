import { existsSync } from 'node:fs'
import path from 'node:path'
import { codeBlocks, SITE_DIR, sitePage, WRITTEN_TOPICS } from '../../tools/docBlocks'
import { TOPICS } from '../../docs/.vitepress/topics'
import { markdownUnder } from './sitePages'

// One extraction compiles and runs the Chinese pages' blocks; this is what makes it
// cover the English pages too.
describe.each(WRITTEN_TOPICS)('the topic %s', (topic) => {
  it('has a page in both languages', () => {
    expect(existsSync(sitePage(topic, 'zh'))).toBe(true)
    expect(existsSync(sitePage(topic, 'en'))).toBe(true)
  })

  it('shows the same code blocks in Chinese and in English', () => {
    const shown = (lang: 'zh' | 'en') =>
      codeBlocks(sitePage(topic, lang)).map(({ lang, title, code }) => ({ lang, title, code }))
    expect(shown('en')).toEqual(shown('zh'))
  })
})

it('lists every hand-written page as a topic, so the sidebar and these checks reach it', () => {
  const known = new Set([...TOPICS.map(({ path }) => path), 'index'])
  const figures = new Set(['PERFORMANCE', 'RELIABILITY', 'platform-facts'])
  const pages = [
    ...markdownUnder(SITE_DIR).filter((page) => !page.startsWith('en/') && !figures.has(page)),
    ...markdownUnder(path.join(SITE_DIR, 'en')),
  ]
  expect(pages.filter((page) => !known.has(page) && !page.startsWith('reference/api/'))).toEqual([])
})
