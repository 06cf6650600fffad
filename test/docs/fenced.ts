import { readFileSync } from 'node:fs'
import { READMES, sitePage, WRITTEN_TOPICS } from '../../tools/docBlocks'

/**
 * The code of every block fenced as `lang` (```js, ```python, ```go): the languages
 * tools/docBlocks.ts does not extract, whose blocks are checked against the example
 * files they show instead.
 */
export function fencedBlocks(file: string, lang: string): string[] {
  const fence = new RegExp('^```' + lang + '(?:[ \\t][^\\n]*)?\\n([\\s\\S]*?)^```$', 'gm')
  return [...readFileSync(file, 'utf8').matchAll(fence)].map((match) => match[1])
}

/** Every page of the docs a reader sees: both languages of every written topic, and the READMEs. */
export const everyPage = (): string[] => [
  ...Object.values(READMES),
  ...WRITTEN_TOPICS.flatMap((topic) => [sitePage(topic, 'zh'), sitePage(topic, 'en')]),
]
