import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { setTimeout as delay } from 'node:timers/promises'
import { run } from '../run'
import { freePort, stopChild } from '../processes'

/** A throwaway Redis Cluster of a test run: three masters on loopback, no replicas, nothing kept. */
export interface RedisCluster {
  /** host:port of each master. */
  nodes: { host: string; port: number }[]
  /** Stops one master (by its index in `nodes`): that part of the slots is down. */
  stopNode(index: number): Promise<void>
  stop(): Promise<void>
}

const BINARY = process.env.REDIS_SERVER ?? 'redis-server'
const CLI = process.env.REDIS_CLI ?? 'redis-cli'
const MASTERS = 3
const READY_TIMEOUT_MS = 30_000

/**
 * Starts three cluster-enabled redis-servers (Debian's redis-server 7: the bus port is
 * given with --cluster-port, as port + 10000 may not exist), joins them with
 * `redis-cli --cluster create` and resolves once every node says cluster_state:ok.
 */
export async function startRedisCluster(): Promise<RedisCluster> {
  const dir = mkdtempSync(path.join(tmpdir(), 'opengid-redis-cluster-'))
  const children: { child: ChildProcess; exited: Promise<void> }[] = []
  const stop = async () => {
    await Promise.all(children.map(({ child, exited }) => stopChild(child, exited)))
    rmSync(dir, { recursive: true, force: true })
  }
  try {
    const nodes: RedisCluster['nodes'] = []
    for (let index = 0; index < MASTERS; index++) {
      const port = await freePort()
      const busPort = await freePort()
      const child = spawn(
        BINARY,
        [
          '--port',
          String(port),
          '--cluster-port',
          String(busPort),
          '--bind',
          '127.0.0.1',
          '--cluster-enabled',
          'yes',
          '--cluster-config-file',
          path.join(dir, `nodes-${port}.conf`),
          '--save',
          '',
          '--appendonly',
          'no',
          '--dir',
          dir,
        ],
        { stdio: 'ignore' },
      )
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()).once('error', () => resolve()))
      children.push({ child, exited })
      nodes.push({ host: '127.0.0.1', port })
    }
    for (const { port } of nodes) await until(port, 'PONG', ['ping'])
    await run(
      CLI,
      [
        '--cluster',
        'create',
        ...nodes.map(({ host, port }) => `${host}:${port}`),
        '--cluster-replicas',
        '0',
        '--cluster-yes',
      ],
      { cwd: dir },
    )
    for (const { port } of nodes) await until(port, 'cluster_state:ok', ['cluster', 'info'])
    const stopNode = async (index: number) => stopChild(children[index].child, children[index].exited)
    return { nodes, stopNode, stop }
  } catch (error) {
    await stop()
    throw error
  }
}

/** Asks one node with redis-cli until its answer contains `expected`. */
async function until(port: number, expected: string, command: string[]): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS
  for (;;) {
    const answer = await run(CLI, ['-h', '127.0.0.1', '-p', String(port), ...command], { cwd: tmpdir() }).catch(
      () => '',
    )
    if (answer.includes(expected)) return
    if (Date.now() > deadline)
      throw new Error(`redis-server on ${port} did not answer ${expected} within ${READY_TIMEOUT_MS} ms`)
    await delay(100)
  }
}
