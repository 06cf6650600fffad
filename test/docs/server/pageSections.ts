import { readFileSync } from 'node:fs'
import { codeBlocks, sitePage, type DocBlock } from '../../../tools/docBlocks'

export interface SectionBlock extends DocBlock {
  /** The `##` heading the block is under. */
  section: string
  /** The `###` heading under that, if any. */
  subsection?: string
}

/**
 * A file's code blocks with the headings they sit under, so a suite can pick "the
 * block of the Koa section" rather than a line number that moves with every edit
 * above it. A `#` line inside a code block is no heading.
 */
export function sectionBlocks(file: string): SectionBlock[] {
  const lines = readFileSync(file, 'utf8').split('\n')
  const headings: { section: string; subsection?: string }[] = []
  let current: { section: string; subsection?: string } = { section: '' }
  let inFence = false
  lines.forEach((text, index) => {
    if (text.startsWith('```')) inFence = !inFence
    else if (!inFence && text.startsWith('## ')) current = { section: text.slice(3) }
    else if (!inFence && text.startsWith('### ')) current = { section: current.section, subsection: text.slice(4) }
    headings[index + 1] = current
  })
  return codeBlocks(file).map((block) => ({ ...block, ...headings[block.line] }))
}

/**
 * A site topic's code blocks as extracted (from the Chinese page, at its lines, so
 * `blockFile(\`site/${topic}\`, block)` is the file that was compiled), named by the
 * headings of the English twin: a suite's choice of block does not change when the
 * Chinese prose is reworded. The twins show the same blocks in the same order
 * (test/docs/siteTwins.test.ts); a count that differs here is refused rather than
 * paired wrongly.
 */
export function topicBlocks(topic: string): SectionBlock[] {
  const shown = codeBlocks(sitePage(topic, 'zh'))
  const named = sectionBlocks(sitePage(topic, 'en'))
  if (named.length !== shown.length || named.some((block, i) => block.code !== shown[i].code)) {
    throw new Error(`docs/${topic}.md and docs/en/${topic}.md do not show the same code blocks`)
  }
  return shown.map((block, i) => ({ ...block, section: named[i].section, subsection: named[i].subsection }))
}
