import path from 'node:path'
import { startDevServer } from '@opengid/server/dev'
import { SCENARIOS } from '../src/demo/scenario'
import { ROOT } from '../tools/root'
import { ensureBuild } from '../tools/taroBuild'

/** `npm start`: the H5 demo against a local fake WeChat, from one port on 127.0.0.1. */
async function main() {
  const port = Number(process.env.PORT ?? 8787)
  process.stdout.write('Checking the H5 demo build… ')
  const build = await ensureBuild('h5')
  console.log(build === 'fresh' ? 'up to date.' : 'built.')
  const server = await startDevServer({ port, staticDir: path.join(ROOT, 'dist/h5') })
  console.log(`\nopengid demo: ${server.url}/\n\nScenarios:`)
  for (const s of SCENARIOS) console.log(`  ${s.label.padEnd(34)} ${server.url}/${s.query}`)
  console.log('\nCtrl-C to stop.')
  const stop = async () => {
    await server.close()
    console.log('Stopped.')
    process.exit(0)
  }
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error)
  if ((error as { code?: unknown } | null)?.code === 'EADDRINUSE') console.error('Another port? PORT=8788 npm start')
  process.exit(1)
})
