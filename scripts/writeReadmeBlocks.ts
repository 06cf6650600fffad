import path from 'node:path'
import { BLOCKS_DIR, writeReadmeBlocks } from '../tools/readmeBlocks'
import { ROOT } from '../tools/root'

/** Before `tsc` in `npm run typecheck`: the README code blocks it compiles are written out first. */
const written = writeReadmeBlocks()
console.log(`README code blocks: ${written.length} written to ${path.relative(ROOT, BLOCKS_DIR)}`)
