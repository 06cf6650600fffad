import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { TOPICS } from '../docs/.vitepress/topics'
import { ROOT } from './root'

/**
 * The TypeScript code blocks of the docs (the site's pages and the package READMEs), so
 * the docs cannot drift from the code: `npm run typecheck` compiles every one of them,
 * the docs suites run the server snippets and the test recipes, and the consumer-app
 * suite builds a fresh app from the blocks that name a file (```tsx title="src/app.tsx").
 * A topic's blocks are read from its Chinese page, the site's default; its English twin
 * must show the same blocks (test/docs/siteTwins.test.ts), so one extraction covers both.
 */
export interface DocBlock {
  /** `vue` blocks are read (the Vue example is checked against them) but not written out. */
  lang: 'ts' | 'tsx' | 'vue'
  /** From `title="..."` in the fence's info string: where the block belongs in an app. */
  title?: string
  /** 1-based line of the opening fence, for messages that point at the page. */
  line: number
  code: string
}

export const READMES = {
  taro: path.join(ROOT, 'packages/taro/README.md'),
  server: path.join(ROOT, 'packages/server/README.md'),
} as const

export const SITE_DIR = path.join(ROOT, 'docs')
export type Lang = 'zh' | 'en'
/** A topic's page: Chinese at the site's root, English under `en/`. */
export const sitePage = (topic: string, lang: Lang = 'zh') =>
  path.join(SITE_DIR, lang === 'en' ? 'en' : '', `${topic}.md`)
/** The topics whose pages are written by hand (the API reference is generated at build time). */
export const WRITTEN_TOPICS = TOPICS.filter((topic) => !topic.generated).map((topic) => topic.path)

/** Where `writeDocBlocks` puts them: inside tsconfig's `include`, ignored by git. */
export const BLOCKS_DIR = path.join(ROOT, 'test/docs/blocks')

const FENCE = /^```(\S*)(.*)$/

export function codeBlocks(file: string): DocBlock[] {
  const lines = readFileSync(file, 'utf8').split('\n')
  const blocks: DocBlock[] = []
  for (let i = 0; i < lines.length; i++) {
    const open = FENCE.exec(lines[i])
    if (!open) continue
    const end = lines.indexOf('```', i + 1)
    if (end === -1) throw new Error(`${file}:${i + 1}: a code block is never closed`)
    const lang = open[1]
    if (lang === 'ts' || lang === 'tsx' || lang === 'vue') {
      const title = /title="([^"]+)"/.exec(open[2])?.[1]
      blocks.push({ lang, title, line: i + 1, code: lines.slice(i + 1, end).join('\n') + '\n' })
    }
    i = end
  }
  return blocks
}

/** Every file whose blocks are written out, by the folder they go to under BLOCKS_DIR. */
export function blockSources(): Record<string, string> {
  const sources: Record<string, string> = { ...READMES }
  for (const topic of WRITTEN_TOPICS) sources[`site/${topic}`] = sitePage(topic)
  return sources
}

/**
 * The file a block is written to: `<source>/line-<n>.<lang>`, stable while the page is;
 * a block titled as a test (`title="CheckIn.test.tsx"`) keeps its title, so jest's `docs`
 * project runs it. `source` is a README's package name or `site/<topic>`.
 */
export const blockFile = (source: string, block: DocBlock) =>
  path.join(
    BLOCKS_DIR,
    source,
    block.title && /\.test\.tsx?$/.test(block.title) ? block.title : `line-${block.line}.${block.lang}`,
  )

/**
 * Writes every block as its own module (`export {}` keeps two blocks' top-level names
 * apart), replacing what an earlier run wrote.
 */
export function writeDocBlocks(): string[] {
  rmSync(BLOCKS_DIR, { recursive: true, force: true })
  const written: string[] = []
  for (const [source, file] of Object.entries(blockSources())) {
    mkdirSync(path.join(BLOCKS_DIR, source), { recursive: true })
    for (const block of codeBlocks(file).filter(({ lang }) => lang !== 'vue')) {
      const out = blockFile(source, block)
      mkdirSync(path.dirname(out), { recursive: true })
      writeFileSync(out, `// ${path.relative(ROOT, file)}:${block.line}\n${block.code}export {}\n`)
      written.push(out)
    }
  }
  return written
}
