// `node --import ./taroPeers.mjs taro.mjs`: loads @opengid/taro as an app gets
// it (dist/index.cjs by require, dist/index.js by import) and reports
// GroupEnterError's identity across the two.
import { createRequire } from 'node:module'
import { identityChecks, report } from './identityChecks.mjs'

const cjs = createRequire(import.meta.url)('@opengid/taro')
const esm = await import('@opengid/taro')

report(identityChecks({ cjs, esm }, 'GroupEnterError', ['TIMEOUT', 'x', { errCode: 1 }]))
