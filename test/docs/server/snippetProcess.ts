import { spawn, type ChildProcess } from 'node:child_process'
import { once } from 'node:events'
import { connect } from 'node:net'
import path from 'node:path'
import { setTimeout as delay } from 'node:timers/promises'
import { freePort, stopChild } from '../../../tools/processes'

export const ROOT = path.resolve(__dirname, '../../..')

/** A server of the docs started as a user would start it: its own node process. */
export interface SnippetProcess {
  url: string
  /** What it wrote to stderr so far, for failure messages and the Express 4 check. */
  stderr(): string
  stop(): Promise<void>
}

export interface SnippetLaunch {
  /** Arguments after `node --import tsx` (tsx compiles the TypeScript and applies tsconfig paths). */
  args: string[]
  /** Preloaded with --require, before tsx. */
  preload?: string
  env: Record<string, string>
  /** How long it may take to start listening; a busy 2-core machine needs seconds. */
  startTimeoutMs: number
}

const running = new Set<SnippetProcess>()

/** Stops every process still running: for afterAll, so a failed test leaves none behind. */
export async function stopAll(): Promise<void> {
  await Promise.all([...running].map((snippet) => snippet.stop()))
}

/** Starts the process on a free port (given as PORT) and resolves once it accepts connections. */
export async function startSnippet(launch: SnippetLaunch): Promise<SnippetProcess> {
  const port = await freePort()
  const preload = launch.preload === undefined ? [] : ['--require', launch.preload]
  const child = spawn(process.execPath, [...preload, '--import', 'tsx', ...launch.args], {
    cwd: ROOT,
    env: { ...process.env, ...launch.env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout?.on('data', (chunk: Buffer) => void (output += chunk))
  let stderr = ''
  child.stderr?.on('data', (chunk: Buffer) => void (stderr += chunk))
  const exited = once(child, 'exit')
  const snippet: SnippetProcess = {
    url: `http://127.0.0.1:${port}`,
    stderr: () => stderr,
    stop: async () => {
      running.delete(snippet)
      await stopChild(child, exited)
    },
  }
  running.add(snippet)
  try {
    await listening(port, child, launch.startTimeoutMs)
  } catch (error) {
    await snippet.stop()
    throw new Error(`${(error as Error).message}\n--- stdout ---\n${output}\n--- stderr ---\n${stderr}`)
  }
  return snippet
}

/** Polls with TCP connects: the snippets print nothing, as a real server need not. */
async function listening(port: number, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`the process exited (${child.exitCode ?? child.signalCode}) before listening on ${port}`)
    }
    if (await accepts(port)) return
    await delay(100)
  }
  throw new Error(`nothing listened on port ${port} within ${timeoutMs} ms`)
}

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1')
    socket.once('connect', () => {
      socket.destroy()
      resolve(true)
    })
    socket.once('error', () => resolve(false))
  })
}
