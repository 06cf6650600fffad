import { spawn } from 'node:child_process'
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { setTimeout as delay } from 'node:timers/promises'
import { requireServiceApp, SERVICE_DIR } from '../../tools/service/packedService'

const START_TIMEOUT_MS = 20_000

/**
 * The packed bin with its log going to a file, as to a log collector's: one write per
 * request, which it pays, and nothing for the load generator's process to read on the
 * same two cores (a pipe the bench drained would also make it wait when full).
 */
export async function startLoggedService(env: Record<string, string>) {
  const dir = mkdtempSync(path.join(tmpdir(), 'opengid-bench-service-'))
  const logFile = path.join(dir, 'service.log')
  const fd = openSync(logFile, 'w')
  const child = spawn(requireServiceApp(), [], {
    cwd: SERVICE_DIR,
    env: { PATH: process.env.PATH, HOST: '127.0.0.1', PORT: '0', ...env } as unknown as NodeJS.ProcessEnv,
    stdio: ['ignore', fd, 'inherit'],
  })
  closeSync(fd)
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM')
    await exited
    rmSync(dir, { recursive: true, force: true })
  }
  const deadline = Date.now() + START_TIMEOUT_MS
  for (;;) {
    const listening = readFileSync(logFile, 'utf8')
      .split('\n')
      .find((line) => line.includes('"msg":"listening"'))
    if (listening !== undefined) return { url: `http://127.0.0.1:${JSON.parse(listening).port}`, pid: child.pid!, stop }
    if (child.exitCode !== null || Date.now() > deadline) {
      await stop()
      throw new Error('opengid-server did not start')
    }
    await delay(50)
  }
}
