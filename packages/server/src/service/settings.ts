import { readFileSync } from 'node:fs'
import { parseArgs } from 'node:util'

/**
 * Every setting of the service: its variable (DESIGN.md "The resolver as a service"),
 * the flag that mirrors it, and whether it is secret (never printed). Each can also be
 * given as NAME_FILE / --flag-file: a mounted secret's path.
 */
export const SETTINGS = [
  { name: 'OPENGID_APP_ID', secret: false, help: "your Mini Program's appId (required)" },
  { name: 'OPENGID_APP_SECRET', secret: true, help: 'its AppSecret (required)' },
  {
    name: 'OPENGID_TICKET_KEY',
    secret: true,
    help: 'private key that signs tickets: PKCS#8 PEM or JWK, Ed25519 or P-256 (opengid-server keys makes one)',
  },
  {
    name: 'OPENGID_TICKET_SECRET',
    secret: true,
    help: 'or an HS256 secret of at least 32 bytes, not the AppSecret (one of KEY / SECRET is required)',
  },
  {
    name: 'OPENGID_TICKET_OLD_KEYS',
    secret: false,
    help: 'public keys still accepted, never used to sign (JWK set JSON or PEMs): a rotation',
  },
  {
    name: 'OPENGID_REDIS_URL',
    secret: true,
    help: 'redis://… for sessions shared by every instance (absent: memory, one instance only)',
  },
  {
    name: 'OPENGID_REDIS_CLUSTER_NODES',
    secret: true,
    help: 'or a Redis Cluster: redis://host:port of one or more of its nodes, separated by commas',
  },
  { name: 'OPENGID_WECHAT_ENDPOINT', secret: false, help: "WeChat's API origin (default https://api.weixin.qq.com)" },
  { name: 'OPENGID_TICKET_TTL_SECONDS', secret: false, help: 'how long a ticket is valid (default 7200)' },
  {
    name: 'OPENGID_BODY_LIMIT_BYTES',
    secret: false,
    help: 'the largest request body read, 2048 to 1048576 (default 16384; larger: 413 PAYLOAD_TOO_LARGE)',
  },
  {
    name: 'OPENGID_BODY_TIMEOUT_MS',
    secret: false,
    help: 'how long a request body may take to arrive (default 10000)',
  },
  {
    name: 'OPENGID_SHUTDOWN_TIMEOUT_MS',
    secret: false,
    help: 'on SIGTERM/SIGINT, how long in-flight requests may take to finish (default 10000)',
  },
  { name: 'HOST', secret: false, help: 'the address to listen on (default 0.0.0.0)' },
  { name: 'PORT', secret: false, help: 'the port to listen on (default 8080; 0: any free port)' },
] as const

export type SettingName = (typeof SETTINGS)[number]['name']
export type RawSettings = Partial<Record<SettingName, string>>

/** A setting that cannot be used: the one line the service prints before it exits 1. */
export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    need: string,
  ) {
    super(`${variable}: ${need}`)
    this.name = 'ConfigError'
  }
}

/** --app-id for OPENGID_APP_ID, --port for PORT. */
export const flagOf = (name: string) =>
  name
    .replace(/^OPENGID_/, '')
    .toLowerCase()
    .replace(/_/g, '-')

/**
 * The raw values: a flag wins over the environment; a value and its _FILE form
 * together are a mistake (which one was meant?). A file's final newline is not part
 * of the value (`echo secret > file` writes one).
 */
export function readSettings(args: string[], env: NodeJS.ProcessEnv): RawSettings {
  const options: Record<string, { type: 'string' }> = {}
  for (const { name } of SETTINGS) {
    options[flagOf(name)] = { type: 'string' }
    options[`${flagOf(name)}-file`] = { type: 'string' }
  }
  let flags: Record<string, string | undefined>
  try {
    flags = parseArgs({ args, options, strict: true, allowPositionals: false }).values as Record<string, string>
  } catch (error) {
    throw new ConfigError('arguments', `${(error as Error).message.split('\n')[0]} (see --help)`)
  }
  const raw: RawSettings = {}
  for (const { name } of SETTINGS) {
    const flag = flagOf(name)
    const direct = flags[flag] ?? env[name]
    const file = flags[`${flag}-file`] ?? env[`${name}_FILE`]
    if (direct !== undefined && direct !== '' && file !== undefined && file !== '') {
      throw new ConfigError(name, `give ${name} or ${name}_FILE, not both`)
    }
    if (file !== undefined && file !== '') raw[name] = readSettingFile(`${name}_FILE`, file)
    else if (direct !== undefined && direct !== '') raw[name] = direct
  }
  return raw
}

function readSettingFile(variable: string, file: string): string {
  try {
    return readFileSync(file, 'utf8').replace(/\r?\n$/, '')
  } catch (error) {
    throw new ConfigError(variable, `cannot read ${file} (${(error as NodeJS.ErrnoException).code ?? 'error'})`)
  }
}

/** --help: every flag, its variable, and what it is for. */
export function helpText(): string {
  const lines = SETTINGS.map(({ name, help }) => `  --${flagOf(name)}`.padEnd(30) + `${name}: ${help}`)
  return [
    'opengid-server: the opengid resolver as a service (POST /api/opengid).',
    '',
    'usage: opengid-server [flags]      start it',
    '       opengid-server keys         print a new Ed25519 key pair { privateJwk, publicJwk }',
    '',
    'Each flag mirrors a variable; a flag wins. --NAME-file / NAME_FILE reads the value from a file.',
    ...lines,
    '',
    'endpoints: POST /api/opengid, GET /.well-known/jwks.json, /healthz, /readyz, /metrics',
  ].join('\n')
}
