// Serves a docs block that only exports a fetch-standard handler, on Node, the
// way Bun, Deno, Workers or Next.js would call it:
//   node --import tsx serveFetchExport.cjs <block file> <export path, e.g. default.fetch or POST>
// The handler is called as a method of what holds it, as those runtimes do.
const path = require('node:path')
const { serve } = require('@hono/node-server')

const [file, exportPath] = process.argv.slice(2)
const keys = exportPath.split('.')
const method = keys.pop()
const holder = keys.reduce((value, key) => value?.[key], require(path.resolve(file)))
if (typeof holder?.[method] !== 'function') throw new Error(`${file} exports no function at ${exportPath}`)

serve({ fetch: (request) => holder[method](request), port: Number(process.env.PORT) })
