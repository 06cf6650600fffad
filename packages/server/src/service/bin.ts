#!/usr/bin/env node
import { generateTicketKeyPair } from '../ticket/ticketKeyPair'
import { checkConfig } from './config'
import { createLogs } from './log'
import { startService } from './service'
import { ConfigError, helpText, readSettings } from './settings'

/** `opengid-server [flags]`, `opengid-server keys`, `opengid-server --help`. */
async function main(args: string[]): Promise<void> {
  if (args[0] === 'keys') {
    process.stdout.write(JSON.stringify(await generateTicketKeyPair(), null, 2) + '\n')
    return
  }
  if (args.includes('--help') || args.includes('-h')) {
    process.stdout.write(helpText() + '\n')
    return
  }
  const config = await checkConfig(readSettings(args, process.env))
  await startService(config, createLogs())
}

main(process.argv.slice(2)).catch((error: unknown) => {
  // One line naming the setting; a ConfigError never holds a value, and anything else is shown by name only.
  const line = error instanceof ConfigError ? error.message : `cannot start: ${describe(error)}`
  process.stderr.write(`opengid-server: ${line}\n`)
  process.exit(1)
})

function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error)
  const code = (error as NodeJS.ErrnoException).code
  return code === undefined ? error.message : `${code} ${error.message}`
}
