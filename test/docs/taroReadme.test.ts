import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { READMES, codeBlocks, sitePage } from '../../tools/docBlocks'

// The package README keeps a copy of the React quickstart, for npm's page; the site's
// quickstart is the one the consumer apps are built from, so the copy must not drift.
const shown = (file: string) => codeBlocks(file).map(({ lang, title, code }) => ({ lang, title, code }))

it("shows the site's React quickstart blocks, exactly", () => {
  const readme = shown(READMES.taro)
  expect(readme.length).toBeGreaterThan(0)
  const page = shown(sitePage('guide/quickstart-react'))
  for (const block of readme) expect(page).toContainEqual(block)
})

it('links only to files that exist in the repository', () => {
  const text = readFileSync(READMES.taro, 'utf8')
  const targets = [...text.matchAll(/\]\(([^)#]+)(?:#[^)]*)?\)/g)]
    .map((match) => match[1])
    .filter((target) => !/^[a-z]+:/.test(target))
  expect(targets.length).toBeGreaterThan(0)
  const missing = targets.filter((target) => !existsSync(path.resolve(path.dirname(READMES.taro), target)))
  expect(missing).toEqual([])
})
