import { spawn } from 'node:child_process'
import { stripVTControlCharacters } from 'node:util'

/** How much of a failed command's output is worth showing: its end, where the error is. */
const LOG_TAIL = 6000

export interface RunOptions {
  cwd: string
  /** Added to this process's environment. */
  env?: Record<string, string>
  signal?: AbortSignal
}

/** Runs a command to its end; rejects with its exit code and the end of its output. */
export function run(command: string, args: string[], { cwd, env = {}, signal }: RunOptions): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
      signal,
    })
    let output = ''
    const collect = (chunk: Buffer) => {
      output = (output + chunk.toString()).slice(-2 * LOG_TAIL)
    }
    child.stdout.on('data', collect)
    child.stderr.on('data', collect)
    child.on('error', reject)
    child.on('close', (code) =>
      code === 0
        ? resolve(output)
        : reject(new Error(`exit code ${code}:\n${stripVTControlCharacters(output).slice(-LOG_TAIL)}`)),
    )
  })
}
