// Preloaded (`node --require`) to run a docs block written for `express`
// against Express 4: the devDependency `express4` is npm:express@4. Docs
// blocks are CommonJS under tsx (the repository's package.json has no "type"),
// so their imports go through require's resolver.
const Module = require('node:module')

const resolveFilename = Module._resolveFilename
let reported = false
Module._resolveFilename = function (request, ...rest) {
  if (request !== 'express') return resolveFilename.call(this, request, ...rest)
  const resolved = resolveFilename.call(this, 'express4', ...rest)
  // The docs suite checks this line: a mapping that silently stopped applying would test Express 5 twice.
  if (!reported) console.error(`[useExpress4] express resolved to ${resolved}`)
  reported = true
  return resolved
}
