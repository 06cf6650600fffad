import { execFileSync, spawnSync } from 'node:child_process'
import { performance } from 'node:perf_hooks'
import { createFetchHandler, verifyGroupTicket } from '@opengid/server'
import { createFakeWeChat } from '@opengid/server/dev'
import { exportJWK, generateKeyPair } from 'jose'
import { table } from '../markdown'
import { median, round } from '../stats'
import { APP_ID, APP_SECRET } from './protocol'

const OPS = 2_000
const ROUNDS = 5
const PYTHON = process.env.PYTHON ?? '/usr/bin/python3'
const TICKET_SECRET = 'bench-ticket-secret-0123456789abcdef-0123456789'

/** µs per call: the median of ROUNDS rounds of OPS sequential calls, after one round not counted. */
async function microsecondsPerCall(op: () => Promise<unknown>): Promise<number> {
  const rounds: number[] = []
  for (let pass = 0; pass <= ROUNDS; pass++) {
    const start = performance.now()
    for (let i = 0; i < OPS; i++) await op()
    if (pass > 0) rounds.push(((performance.now() - start) * 1000) / OPS)
  }
  return round(median(rounds), 1)
}

/** A real ticket of each kind, from a resolver (the fetch handler) answering a fake client. */
async function tickets() {
  const fake = createFakeWeChat({ appId: APP_ID, secret: APP_SECRET })
  const wechat = await fake.listen()
  const { privateKey, publicKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519', extractable: true })
  const publicJwk = { ...(await exportJWK(publicKey)), alg: 'EdDSA' }
  const issue = async (signing: { ticketSecret: string } | { ticketKey: string }) => {
    const handle = createFetchHandler({ appId: APP_ID, secret: APP_SECRET, endpoint: wechat.url, ...signing })
    const body = JSON.stringify(fake.clientRequest(`bench-${Object.keys(signing)[0]}`, { opengid: 'G_BENCH' }))
    const answer = await handle(
      new Request('http://bench/', { method: 'POST', headers: { 'content-type': 'application/json' }, body }),
    )
    return ((await answer.json()) as { ticket: string }).ticket
  }
  try {
    const hs256 = await issue({ ticketSecret: TICKET_SECRET })
    const eddsa = await issue({ ticketKey: JSON.stringify(await exportJWK(privateKey)) })
    const kid = JSON.parse(Buffer.from(eddsa.split('.')[0], 'base64url').toString()).kid as string
    return { hs256, eddsa, jwks: { keys: [{ ...publicJwk, kid }] } }
  } finally {
    await wechat.close()
  }
}

/** The same check in Python (PyJWT), key material parsed once as an API would: µs per decode. */
const PYTHON_LOOP = `
import json, sys, time, jwt
t = json.loads(sys.argv[1])
key = jwt.PyJWK(t["jwks"]["keys"][0]).key
def per(ticket, k, algs):
    for _ in range(200): jwt.decode(ticket, k, algorithms=algs, audience=t["appId"], issuer="opengid")
    start = time.perf_counter()
    for _ in range(${OPS}): jwt.decode(ticket, k, algorithms=algs, audience=t["appId"], issuer="opengid")
    return (time.perf_counter() - start) * 1e6 / ${OPS}
print(json.dumps({"hs256": per(t["hs256"], t["secret"], ["HS256"]), "eddsa": per(t["eddsa"], key, ["EdDSA"])}))
`

/** Ticket verification: HS256 against EdDSA, in Node (verifyGroupTicket) and in Python. */
export async function measureTicketVerification() {
  const { hs256, eddsa, jwks } = await tickets()
  const node = {
    hs256: await microsecondsPerCall(() => verifyGroupTicket(hs256, { ticketSecret: TICKET_SECRET, appId: APP_ID })),
    eddsa: await microsecondsPerCall(() => verifyGroupTicket(eddsa, { jwks, appId: APP_ID })),
  }
  let python: { hs256: number; eddsa: number } | undefined
  if (spawnSync(PYTHON, ['-c', 'import jwt']).status === 0) {
    const input = JSON.stringify({ hs256, eddsa, jwks, appId: APP_ID, secret: TICKET_SECRET })
    const measured = JSON.parse(execFileSync(PYTHON, ['-c', PYTHON_LOOP, input]).toString())
    python = { hs256: round(measured.hs256, 1), eddsa: round(measured.eddsa, 1) }
  }
  const rows = [['Node (verifyGroupTicket, jose 6)', node.hs256, node.eddsa]]
  if (python) rows.push(['Python 3 (PyJWT 2, key parsed once)', python.hs256, python.eddsa])
  return {
    markdown: table(['ticket verification, µs per ticket', 'HS256', 'EdDSA (Ed25519)'], rows),
    data: { ops: OPS, rounds: ROUNDS, node, python },
  }
}
