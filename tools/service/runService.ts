import { spawn } from 'node:child_process'
import { requireServiceApp, SERVICE_DIR } from './packedService'

/** A running `opengid-server` child and everything it wrote. */
export interface ServiceProcess {
  url: string
  /** Every stdout line, as written (JSON lines from pino). */
  lines: string[]
  stderr(): string
  /** Sends `signal` and resolves with the exit code once it has exited. */
  stop(signal?: NodeJS.Signals): Promise<number | null>
  exited: Promise<number | null>
}

const START_TIMEOUT_MS = 20_000

/**
 * Starts the packed bin with exactly `env` (plus PATH), on a port it picks itself
 * (PORT=0: no race for a free port), and resolves once its log says it listens.
 */
export function startService(env: Record<string, string>, args: string[] = []): Promise<ServiceProcess> {
  const bin = requireServiceApp()
  const child = spawn(bin, args, {
    cwd: SERVICE_DIR,
    env: childEnv(env),
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const lines: string[] = []
  let err = ''
  let partial = ''
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))
  child.stderr.on('data', (chunk: Buffer) => void (err += chunk))
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      reject(new Error(`opengid-server did not listen within ${START_TIMEOUT_MS} ms\n${err}${lines.join('\n')}`))
    }, START_TIMEOUT_MS)
    exited.then((code) => {
      clearTimeout(timer)
      reject(new Error(`opengid-server exited (${code}) before listening\n${err}`))
    })
    child.stdout.on('data', (chunk: Buffer) => {
      const parts = (partial + chunk).split('\n')
      partial = parts.pop() ?? ''
      for (const line of parts) {
        lines.push(line)
        const entry = JSON.parse(line) as { msg?: string; port?: number }
        if (entry.msg !== 'listening') continue
        clearTimeout(timer)
        resolve({
          url: `http://127.0.0.1:${entry.port}`,
          lines,
          stderr: () => err,
          exited,
          stop: async (signal = 'SIGTERM') => {
            if (child.exitCode === null && child.signalCode === null) child.kill(signal)
            return exited
          },
        })
      }
    })
  })
}

/** Runs the bin to its end (a config error, --help, keys): its exit code and output; killed if it lingers. */
export function runServiceOnce(
  env: Record<string, string>,
  args: string[] = [],
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(requireServiceApp(), args, {
    cwd: SERVICE_DIR,
    env: childEnv(env),
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (chunk: Buffer) => void (stdout += chunk))
  child.stderr.on('data', (chunk: Buffer) => void (stderr += chunk))
  // One that starts instead of exiting would otherwise outlive the suite.
  const lingering = setTimeout(() => child.kill('SIGKILL'), START_TIMEOUT_MS)
  return new Promise((resolve) =>
    child.once('close', (code) => {
      clearTimeout(lingering)
      resolve({ code, stdout, stderr })
    }),
  )
}

/**
 * Only what is given (and PATH): nothing of this process's environment leaks into the
 * service's configuration. Loopback, and a port the service picks itself.
 */
function childEnv(env: Record<string, string>): NodeJS.ProcessEnv {
  return { PATH: process.env.PATH ?? '', HOST: '127.0.0.1', PORT: '0', ...env } as unknown as NodeJS.ProcessEnv
}
