import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { once } from 'node:events'
import { connect } from 'node:net'
import { tmpdir } from 'node:os'
import { setTimeout as delay } from 'node:timers/promises'
import { freePort, stopChild } from '../processes'

/** A throwaway redis-server of a test or bench run: loopback only, nothing written to disk. */
export interface RedisServer {
  url: string
  port: number
  stop(): Promise<void>
  /** For fault tests: SIGKILL (then stop() is a no-op until start()), SIGSTOP or SIGCONT. */
  signal(signal: 'SIGKILL' | 'SIGSTOP' | 'SIGCONT'): Promise<void>
  /** Starts it again on the same port, empty, once it has been killed or stopped. */
  start(): Promise<void>
}

/** Debian's package (CI: apt-get install -y redis-server); REDIS_SERVER names another binary. */
const BINARY = process.env.REDIS_SERVER ?? 'redis-server'
const START_TIMEOUT_MS = 10_000

/** Whether this machine can start one (CI must: packages/server/test/support/redisSuite.ts). */
export const hasRedisServer = () => spawnSync(BINARY, ['--version']).status === 0

/**
 * Starts redis-server on a free loopback port and resolves once it answers PING.
 * The port is picked a moment before redis binds it, so a start that loses that
 * race is tried again on another port.
 */
export async function startRedisServer(): Promise<RedisServer> {
  let failure: unknown
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      return await startOn(await freePort())
    } catch (error) {
      failure = error
    }
  }
  throw failure
}

/** Starts one on `port` (again, after a stop: a Redis that comes back where clients expect it). */
export async function startOn(port: number): Promise<RedisServer> {
  let running = await spawnOn(port)
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    stop: () => running.stop(),
    async signal(signal) {
      running.child.kill(signal)
      if (signal === 'SIGKILL') await running.exited
    },
    async start() {
      await running.stop()
      running = await spawnOn(port)
    },
  }
}

interface Running {
  child: ChildProcess
  exited: Promise<void>
  stop(): Promise<void>
}

async function spawnOn(port: number): Promise<Running> {
  const child = spawn(
    BINARY,
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', tmpdir()],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  )
  let output = ''
  child.stdout?.on('data', (chunk: Buffer) => void (output += chunk))
  child.stderr?.on('data', (chunk: Buffer) => void (output += chunk))
  // A binary that cannot start emits 'error' and never 'exit' (once() would reject on it).
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()).once('error', () => resolve()))
  const spawnFailure = once(child, 'error').then(([error]) => {
    throw new Error(`could not run ${BINARY} (${(error as Error).message}): apt-get install -y redis-server`)
  })
  spawnFailure.catch(() => undefined) // it only matters while starting
  // A stopped (SIGSTOP) process would not act on SIGTERM.
  const stop = async () => {
    child.kill('SIGCONT')
    await stopChild(child, exited)
  }
  try {
    await Promise.race([answersPing(port, child), spawnFailure])
  } catch (error) {
    await stop()
    throw new Error(`${(error as Error).message}\n--- redis-server output ---\n${output}`)
  }
  return { child, exited, stop }
}

async function answersPing(port: number, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + START_TIMEOUT_MS
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`redis-server exited on port ${port}`)
    if (await ping(port)) return
    await delay(50)
  }
  throw new Error(`redis-server did not answer PING on port ${port} within ${START_TIMEOUT_MS} ms`)
}

/** One PING in Redis's inline protocol. */
function ping(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1')
    let answer = ''
    const done = (ok: boolean) => {
      socket.destroy()
      resolve(ok)
    }
    socket.once('connect', () => socket.write('PING\r\n'))
    socket.on('data', (chunk: Buffer) => {
      answer += chunk.toString('latin1')
      if (answer.includes('\r\n')) done(answer.startsWith('+PONG'))
    })
    socket.once('error', () => done(false))
    socket.once('close', () => done(false))
  })
}
