import { exportJWK, generateKeyPair } from 'jose'
import { ROOT } from '../../tools/root'
import { run } from '../../tools/run'
import { prepareServiceApp } from '../../tools/service/packedService'
import { CONNECTIONS, MEASURED, measureLoad, WARMUP, warmUp, type Throughput } from '../handler/load'
import { table } from '../markdown'
import type { Section } from '../section'
import { median } from '../stats'
import { forkTs, ask } from '../childProcess'
import { cpuMs } from '../processCpu'
import { startLoggedService } from './serviceProcess'
import { APP_ID, APP_SECRET, type BodiesAnswer, type BodiesRequest, type FakeReady } from './protocol'
import { measureTicketVerification } from './tickets'

type Server = 'embedded handler' | 'service'
type Path = BodiesRequest['path']
const SERVERS: Server[] = ['embedded handler', 'service']
const PATHS: Path[] = ['warm', 'cold']
/**
 * Each server's MEASURED requests go in SLICES slices that alternate with the other
 * server's (A B B A A B …), both running all along: a spell of other load on the
 * machine lands on both, not on whichever row happened to be running.
 */
const SLICES = 10

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
  return { url: embedded.ready.url, pid: embedded.child.pid!, stop: embedded.stop }
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
  const rows: Row[] = []
  try {
    for (const path of PATHS) {
      const slices = SERVERS.map(() => [] as Slice[])
      const targets = []
      try {
        for (const server of SERVERS) targets.push(await startTarget(server, fake.ready.url, ticketKey))
        const bodies = []
        for (const [i, target] of targets.entries()) {
          const request: BodiesRequest = { path, count: WARMUP + MEASURED, url: target.url, users: `${path}-${i}` }
          bodies.push((await ask<BodiesAnswer>(fake.child, request)).bodies)
        }
        for (const [i, target] of targets.entries()) await warmUp(target.url, bodies[i])
        const size = MEASURED / SLICES
        for (let slice = 0; slice < SLICES; slice++) {
          const order = slice % 2 === 0 ? [0, 1] : [1, 0]
          for (const i of order) {
            const from = WARMUP + slice * size
            const cpuBefore = cpuMs(targets[i].pid)
            const load = await measureLoad(targets[i].url, bodies[i].slice(from, from + size))
            slices[i].push({ ...load, serverCpuMs: cpuMs(targets[i].pid) - cpuBefore })
          }
        }
      } finally {
        for (const target of targets) await target.stop()
      }
      rows.push(...SERVERS.map((server, i) => summary(path, server, slices[i])))
    }
  } finally {
    await fake.stop()
  }
  const percent = (service: number, embedded: number) => Math.round((service / embedded) * 100)
  const pair = (path: Path) => rows.filter((row) => row.path === path)
  const share = (path: Path) => {
    const [embedded, service] = pair(path)
    return `${percent(service.requestsPerSecond, embedded.requestsPerSecond)} %`
  }
  /** Each slice's own share against the embedded slice next to it: how far a short pass can be off. */
  const perSlice = (path: Path) => {
    const [embedded, service] = pair(path)
    return embedded.slices.map((run, i) => percent(service.slices[i].requestsPerSecond, run.requestsPerSecond))
  }
  const spread = (path: Path) => {
    const shares = perSlice(path)
    return `median ${median(shares)} %, ${Math.min(...shares)}–${Math.max(...shares)} %`
  }
  /** The service's CPU per request beyond the embedded handler's: its cost, apart from the machine's load. */
  const added = (path: Path) => {
    const [embedded, service] = pair(path)
    const extra = service.cpuMicroseconds - embedded.cpuMicroseconds
    return `${embedded.cpuMicroseconds} → ${service.cpuMicroseconds} µs, +${extra} µs (the embedded handler's CPU is ${percent(embedded.cpuMicroseconds, service.cpuMicroseconds)} % of the service's)`
  }
  const tickets = await measureTicketVerification()
  return {
    id: 'service',
    title: `The service (opengid-server, packed) against the embedded node handler (POST /api/opengid on 127.0.0.1, EdDSA tickets, fake WeChat in its own process, ${CONNECTIONS} connections, ${MEASURED} requests per row in ${SLICES} slices alternating with the other server's)`,
    markdown: [
      table(
        ['path', 'server', 'req/s', 'p50 ms', 'p99 ms', 'server CPU µs per request', 'non-2xx + errors'],
        rows.map((row) => [
          row.path,
          row.server,
          row.requestsPerSecond,
          row.p50Ms,
          row.p99Ms,
          row.cpuMicroseconds,
          row.failures,
        ]),
      ),
      `the service's req/s as a share of the embedded handler's: warm ${share('warm')}, cold ${share('cold')} (its logging, one JSON line per request, and metrics on); slice by slice: warm ${spread('warm')}, cold ${spread('cold')}; server CPU per request: warm ${added('warm')}, cold ${added('cold')}`,
      tickets.markdown,
    ].join('\n\n'),
    data: {
      connections: CONNECTIONS,
      slices: SLICES,
      rows,
      sharePerSlice: { warm: perSlice('warm'), cold: perSlice('cold') },
      tickets: tickets.data,
    },
  }
}

type Row = ReturnType<typeof summary>

/** A slice of load and the CPU time the server process spent on it. */
type Slice = Throughput & { serverCpuMs: number }

/** A server's slices together: req/s over all of them, the median slice's latencies, every failure. */
function summary(path: Path, server: Server, slices: Slice[]) {
  const requests = slices.reduce((sum, slice) => sum + slice.requests, 0)
  const cpuMsTotal = slices.reduce((sum, slice) => sum + slice.serverCpuMs, 0)
  const seconds = slices.reduce((sum, slice) => sum + slice.requests / slice.requestsPerSecond, 0)
  return {
    path,
    server,
    requestsPerSecond: Math.round(requests / seconds),
    // /proc counts in 10 ms ticks: over 20,000 requests, within a microsecond.
    cpuMicroseconds: Math.round((cpuMsTotal * 1000) / requests),
    p50Ms: median(slices.map((slice) => slice.latencyMs.p50)),
    p99Ms: median(slices.map((slice) => slice.latencyMs.p99)),
    failures: slices.reduce((sum, slice) => sum + slice.non2xx + slice.errors + slice.timeouts, 0),
    slices,
  }
}
