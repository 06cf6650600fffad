import { execFile, spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import path from 'node:path'
import { ROOT } from '../../tools/root'

/**
 * The recipes of the docs' "Trusting the ticket" page for APIs that are not Node, as
 * programs (test/docs/verifierRecipes.test.ts keeps the page showing their code):
 * Debian's python3 with python3-jwt, and Debian's Go with golang-jwt v4 from
 * /usr/share/gocode (GOPATH mode: nothing is downloaded). CI installs them (.ci/run) and must never skip; a machine
 * without them skips with a note.
 */
export const PYTHON = process.env.PYTHON ?? '/usr/bin/python3'
const GOPATH = '/usr/share/gocode'
const GO_JWT = path.join(GOPATH, 'src/github.com/golang-jwt/jwt')

export const verifiersRun =
  !!process.env.CI ||
  (spawnSync(PYTHON, ['-c', 'import jwt']).status === 0 &&
    spawnSync('go', ['version']).status === 0 &&
    existsSync(GO_JWT))

/** What a verifier said: exit 0 and the claims, or its refusal. */
export interface Verdict {
  code: number
  claims?: Record<string, unknown>
  stderr: string
}

export type Verifier = (jwksUrl: string, appId: string, ticket: string) => Promise<Verdict>

function runVerifier(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<Verdict> {
  return new Promise((resolve) => {
    execFile(command, args, { env, timeout: 30_000 }, (error, stdout, stderr) => {
      const code = error === null ? 0 : typeof error.code === 'number' ? error.code : -1
      resolve({ code, stderr, claims: code === 0 ? JSON.parse(stdout) : undefined })
    })
  })
}

export const python: Verifier = (jwksUrl, appId, ticket) =>
  runVerifier(PYTHON, [path.join(ROOT, 'examples/verifiers/python/verify.py'), jwksUrl, appId, ticket])

/** Builds examples/verifiers/go into `outDir` once (GOPATH mode, offline) and returns its runner. */
export async function buildGo(outDir: string): Promise<Verifier> {
  const binary = path.join(outDir, 'verify-go')
  const env = {
    ...process.env,
    GO111MODULE: 'off',
    GOPATH,
    GOFLAGS: '',
    GOCACHE: path.join(outDir, 'gocache'),
  } as NodeJS.ProcessEnv
  const built = await runVerifierBuild(['build', '-o', binary, '.'], env)
  if (built !== '') throw new Error(`go build failed:\n${built}`)
  return (jwksUrl, appId, ticket) => runVerifier(binary, [jwksUrl, appId, ticket])
}

function runVerifierBuild(args: string[], env: NodeJS.ProcessEnv): Promise<string> {
  return new Promise((resolve) => {
    execFile('go', args, { cwd: path.join(ROOT, 'examples/verifiers/go'), env, timeout: 120_000 }, (error, _out, err) =>
      resolve(error === null ? '' : `${error.message}\n${err}`),
    )
  })
}
