import { readFileSync } from 'node:fs'
import { codeBlocks, type DocBlock } from '../../../tools/docBlocks'

export interface SectionBlock extends DocBlock {
  /** The `##` heading the block is under. */
  section: string
  /** The `###` heading under that, if any. */
  subsection?: string
}

/**
 * The README's code blocks with the headings they sit under, so a suite can
 * pick "the block of the Koa section" rather than a line number that moves
 * with every edit above it. A `#` line inside a code block is no heading.
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
