import { readFileSync } from 'node:fs'
import path from 'node:path'
import { sitePage } from '../../tools/docBlocks'
import { ROOT } from '../../tools/root'
import { everyPage, fencedBlocks } from './fenced'

// The Python and Go recipes of "Trusting the ticket" are the checks of the programs in
// examples/verifiers, which test/service/verifiers.e2e.test.ts runs against tickets of
// a running service: a recipe shown is a recipe run.
const RECIPES = [
  { lang: 'python', file: 'examples/verifiers/python/verify.py' },
  { lang: 'go', file: 'examples/verifiers/go/main.go' },
]

describe.each(RECIPES)('the $lang recipe', ({ lang, file }) => {
  const program = readFileSync(path.join(ROOT, file), 'utf8')

  it.each(['zh', 'en'] as const)('is shown on the trust-ticket page (%s), as the program has it', (page) => {
    const shown = fencedBlocks(sitePage('server/trust-ticket', page), lang)
    expect(shown).toHaveLength(1)
    expect(program).toContain(shown[0])
  })

  it(`is the only ${lang} ticket check the docs show`, () => {
    const differs = everyPage().filter((page) =>
      fencedBlocks(page, lang).some((block) => block.includes('jwt') && !program.includes(block)),
    )
    expect(differs).toEqual([])
  })
})
