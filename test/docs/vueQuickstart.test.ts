import { readFileSync } from 'node:fs'
import path from 'node:path'
import { codeBlocks, sitePage } from '../../tools/docBlocks'
import { ROOT } from '../../tools/root'

// The site's Vue quickstart is the example's code, which npm test builds from the
// packed tarball and runs in the weapp host (test/vue-app): the two cannot drift.
// (The English page shows the same blocks: siteTwins.test.ts.)
const blocks = codeBlocks(sitePage('guide/quickstart-vue'))

it.each(['src/app.ts', 'src/pages/index/index.vue'])(
  'the Vue quickstart block %s is the same file of examples/vue',
  (file) => {
    const block = blocks.find(({ title }) => title === file)
    expect(block?.code).toBe(readFileSync(path.join(ROOT, 'examples/vue', file), 'utf8'))
  },
)
