import path from 'node:path'
import { BLOCKS_DIR, writeDocBlocks } from '../tools/docBlocks'
import { ROOT } from '../tools/root'

/** Before `tsc` in `npm run typecheck`: the docs' code blocks it compiles are written out first. */
const written = writeDocBlocks()
console.log(`Docs code blocks: ${written.length} written to ${path.relative(ROOT, BLOCKS_DIR)}`)
