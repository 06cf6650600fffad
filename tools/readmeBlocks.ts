import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { ROOT } from './root'

/**
 * The TypeScript code blocks of the package READMEs, so the docs cannot drift from
 * the code: `npm run typecheck` compiles every one of them, the docs suite runs the
 * server snippets, and the consumer-app suite builds a fresh app from the blocks
 * that name a file (```tsx title="src/app.tsx").
 */
export interface ReadmeBlock {
  /** `vue` blocks are read (the Vue example is checked against them) but not written out. */
  lang: 'ts' | 'tsx' | 'vue'
  /** From `title="..."` in the fence's info string: where the block belongs in an app. */
  title?: string
  /** 1-based line of the opening fence, for messages that point at the README. */
  line: number
  code: string
}

export const READMES = {
  taro: path.join(ROOT, 'packages/taro/README.md'),
  server: path.join(ROOT, 'packages/server/README.md'),
} as const
/** Where `writeReadmeBlocks` puts them: inside tsconfig's `include`, ignored by git. */
export const BLOCKS_DIR = path.join(ROOT, 'test/docs/blocks')

const FENCE = /^```(\S*)(.*)$/

export function readmeBlocks(file: string): ReadmeBlock[] {
  const lines = readFileSync(file, 'utf8').split('\n')
  const blocks: ReadmeBlock[] = []
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

/**
 * The file a block is written to: `<package>/line-<n>.<lang>`, stable while the README
 * is; a block titled as a test (`title="CheckIn.test.tsx"`) keeps its title, so jest's
 * `docs` project runs it.
 */
export const blockFile = (pkg: keyof typeof READMES, block: ReadmeBlock) =>
  path.join(
    BLOCKS_DIR,
    pkg,
    block.title && /\.test\.tsx?$/.test(block.title) ? block.title : `line-${block.line}.${block.lang}`,
  )

/**
 * Writes every block as its own module (`export {}` keeps two blocks' top-level names
 * apart), replacing what an earlier run wrote.
 */
export function writeReadmeBlocks(): string[] {
  rmSync(BLOCKS_DIR, { recursive: true, force: true })
  const written: string[] = []
  for (const pkg of Object.keys(READMES) as (keyof typeof READMES)[]) {
    mkdirSync(path.join(BLOCKS_DIR, pkg), { recursive: true })
    for (const block of readmeBlocks(READMES[pkg]).filter(({ lang }) => lang !== 'vue')) {
      const file = blockFile(pkg, block)
      writeFileSync(file, `// ${path.relative(ROOT, READMES[pkg])}:${block.line}\n${block.code}export {}\n`)
      written.push(file)
    }
  }
  return written
}
