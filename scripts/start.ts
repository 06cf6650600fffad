import path from 'node:path'
import { SCENARIOS } from '../src/demo/scenario'
import { ROOT } from '../tools/root'
import { serveLocally } from '../tools/serveLocally'
import { ensureBuild } from '../tools/taroBuild'

/** `npm start`: the H5 demo against a local fake WeChat, from one port on 127.0.0.1. */
serveLocally({
  defaultPort: 8787,
  command: 'npm start',
  async prepare() {
    process.stdout.write('Checking the H5 demo build… ')
    const build = await ensureBuild('h5')
    console.log(build === 'fresh' ? 'up to date.' : 'built.')
    return path.join(ROOT, 'dist/h5')
  },
  announce(url) {
    console.log(`\nopengid demo: ${url}/\n\nScenarios:`)
    for (const s of SCENARIOS) console.log(`  ${s.label.padEnd(34)} ${url}/${s.query}`)
  },
})
