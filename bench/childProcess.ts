import { fork, type ChildProcess } from 'node:child_process'
import { once } from 'node:events'
import path from 'node:path'

export interface Forked<Ready> {
  child: ChildProcess
  ready: Ready
  stop(): Promise<void>
}

/** Runs a bench TypeScript file (a path from bench/) in a child under tsx, with this repository's tsconfig paths, resolved with its first message. */
export function forkTs<Ready>(file: string, args: string[] = []): Promise<Forked<Ready>> {
  const child = fork(path.join(__dirname, file), args, {
    execArgv: ['--import', 'tsx'],
    cwd: path.resolve(__dirname, '..'),
  })
  // Disconnecting is the child's signal to close its server and exit.
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve()
      child.once('exit', () => resolve())
      if (child.connected) child.disconnect()
    })
  return new Promise((resolve, reject) => {
    child.once('message', (ready) => resolve({ child, ready: ready as Ready, stop }))
    child.once('error', reject)
    child.once('exit', (code) => reject(new Error(`${file} exited (${code}) before it was ready`)))
  })
}

/** One request and its answer over IPC. */
export async function ask<Answer>(child: ChildProcess, message: unknown): Promise<Answer> {
  const answer = once(child, 'message')
  child.send(message as object)
  return ((await answer) as [Answer])[0]
}
