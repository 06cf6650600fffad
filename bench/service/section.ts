import { exportJWK, generateKeyPair } from 'jose'
import { ROOT } from '../../tools/root'
import { run } from '../../tools/run'
import { prepareServiceApp } from '../../tools/service/packedService'
import { CONNECTIONS, MEASURED, measureThroughput, WARMUP, type Throughput } from '../handler/load'
import { table } from '../markdown'
import type { Section } from '../section'
import { median } from '../stats'
import { forkTs, ask } from '../childProcess'
import { startLoggedService } from './serviceProcess'
import { APP_ID, APP_SECRET, type BodiesAnswer, type BodiesRequest, type FakeReady } from './protocol'
import { measureTicketVerification } from './tickets'

type Server = 'embedded handler' | 'service'
type Path = BodiesRequest['path']
const ROWS: { path: Path; server: Server }[] = [
  { path: 'warm', server: 'embedded handler' },
  { path: 'warm', server: 'service' },
  { path: 'cold', server: 'embedded handler' },
  { path: 'cold', server: 'service' },
]
/** Interleaved passes, the median reported: a spell of other load on the machine hits every row. */
const ROUNDS = 3

/** Starts the server under test (the embedded handler in a process of its own, or the packed bin): its URL and stop. */
async function startTarget(server: Server, wechatUrl: string, ticketKey: string) {
  if (server === 'service') {
    // Logging and metrics on, as in production.
    return startLoggedService({
      OPENGID_APP_ID: APP_ID,
      OPENGID_APP_SECRET: APP_SECRET,
      OPENGID_TICKET_KEY: ticketKey,
      OPENGID_WECHAT_ENDPOINT: wechatUrl,
    })
  }
  const embedded = await forkTs<{ url: string }>('service/embeddedProcess.ts', [wechatUrl, ticketKey])
  return { url: embedded.ready.url, stop: embedded.stop }
}

/**
 * The `service` section: `opengid-server` from the packed tarball against the
 * embedded node handler (createNodeHandler), same run, same EdDSA ticket key, same
 * fake WeChat in a third process; then ticket verification in and outside Node.
 */
export async function measureService(): Promise<Section> {
  // The bin measured is the current code's: built and packed as a user installs it.
  await run('npm', ['run', 'build', '-w', '@opengid/server'], { cwd: ROOT })
  await prepareServiceApp(() => undefined)
  const { privateKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519', extractable: true })
  const ticketKey = JSON.stringify(await exportJWK(privateKey))
  const fake = await forkTs<FakeReady>('service/fakeProcess.ts')
  const runs = ROWS.map(() => [] as Throughput[])
  try {
    for (let round = 0; round < ROUNDS; round++) {
      for (const [i, { path, server }] of ROWS.entries()) {
        const target = await startTarget(server, fake.ready.url, ticketKey)
        try {
          const request: BodiesRequest = { path, count: WARMUP + MEASURED, url: target.url }
          const { bodies } = await ask<BodiesAnswer>(fake.child, request)
          runs[i].push(await measureThroughput(target.url, bodies))
        } finally {
          await target.stop()
        }
      }
    }
  } finally {
    await fake.stop()
  }
  const rows = ROWS.map((row, i) => ({
    ...row,
    requestsPerSecond: Math.round(median(runs[i].map((throughput) => throughput.requestsPerSecond))),
    p50Ms: median(runs[i].map((throughput) => throughput.latencyMs.p50)),
    p99Ms: median(runs[i].map((throughput) => throughput.latencyMs.p99)),
    failures: runs[i].reduce((sum, t) => sum + t.non2xx + t.errors + t.timeouts, 0),
    runs: runs[i],
  }))
  const share = (path: Path) => {
    const [embedded, service] = rows.filter((row) => row.path === path)
    return `${Math.round((service.requestsPerSecond / embedded.requestsPerSecond) * 100)} %`
  }
  const tickets = await measureTicketVerification()
  return {
    id: 'service',
    title: `The service (opengid-server, packed) against the embedded node handler (POST /api/opengid on 127.0.0.1, EdDSA tickets, fake WeChat in its own process, ${CONNECTIONS} connections, ${ROUNDS} interleaved rounds of ${MEASURED} requests per row)`,
    markdown: [
      table(
        ['path', 'server', 'req/s', 'p50 ms', 'p99 ms', 'non-2xx + errors'],
        rows.map((row) => [row.path, row.server, row.requestsPerSecond, row.p50Ms, row.p99Ms, row.failures]),
      ),
      `the service's req/s as a share of the embedded handler's: warm ${share('warm')}, cold ${share('cold')} (its logging, one JSON line per request, and metrics on)`,
      tickets.markdown,
    ].join('\n\n'),
    data: { connections: CONNECTIONS, rounds: ROUNDS, rows, tickets: tickets.data },
  }
}
