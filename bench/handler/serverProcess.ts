import { fork } from 'node:child_process'
import { once } from 'node:events'
import path from 'node:path'
import { EXCHANGES, type ExchangesAnswer, type ServerConfig, type ServerReady } from './protocol'

export interface ServerProcess {
  ready: ServerReady
  /** code2Session requests the process's fake WeChat has answered so far. */
  exchanges(): Promise<number>
  stop(): Promise<void>
}

/** Starts bench/handler/server.ts in a child process and resolves once it listens with its bodies made. */
export function startServerProcess(config: ServerConfig): Promise<ServerProcess> {
  // tsx's loader lets the child run TypeScript with the same tsconfig paths as this process.
  const child = fork(path.join(__dirname, 'server.ts'), [JSON.stringify(config)], {
    execArgv: ['--import', 'tsx'],
    cwd: path.resolve(__dirname, '../..'),
  })
  // Disconnecting is the child's signal to close its server and exit.
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve()
      child.once('exit', () => resolve())
      if (child.connected) child.disconnect()
    })
  const exchanges = async () => {
    const answer = once(child, 'message')
    child.send(EXCHANGES)
    const [{ exchanges }] = (await answer) as [ExchangesAnswer]
    return exchanges
  }
  return new Promise((resolve, reject) => {
    child.once('message', (ready) => resolve({ ready: ready as ServerReady, exchanges, stop }))
    child.once('error', reject)
    child.once('exit', (code) => reject(new Error(`the server process exited (${code}) before it was ready`)))
  })
}
