import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { createFakeWeChat, type FakeWeChat } from '@opengid/server/dev'
import { blockFile, codeBlocks, READMES, sitePage } from '../../tools/docBlocks'
import { groupAnswer } from '../../packages/server/test/support/answers'
import { send, type Answer } from '../../packages/server/test/support/http'
import { topicBlocks, type SectionBlock } from './server/pageSections'
import { startSnippet, stopAll, type SnippetProcess } from './server/snippetProcess'

/**
 * Every server the site shows, on the pages "Your server" (server/frameworks) and
 * "Trusting the ticket" (server/trust-ticket), run as a user would run it: the block
 * exactly as the page has it, in its own node process (tsx), with WX_APPID, WX_SECRET,
 * OPENGID_TICKET_SECRET and PORT set, and OPENGID_WECHAT_ENDPOINT pointing
 * code2Session at a fake WeChat on loopback. A real client's request must come back
 * as its group, and the guarded routes must let its ticket through. Blocks are named
 * by the English page's headings (the Chinese one shows the same blocks).
 */

const SERVERS = { topic: 'server/frameworks', section: 'The handler in your framework' }
const GUARDED = { topic: 'server/trust-ticket', section: 'Guard your routes in Node' }
type Section = typeof SERVERS
const APP_ID = 'wx0docs0snippets00'
const SECRET = 'docs-snippet-secret-0123456789'
const TICKET_SECRET = 'docs-snippet-ticket-secret-0123456789abcdef'
// Spawning node + tsx and loading a framework takes seconds on a busy 2-core machine.
const START_TIMEOUT_MS = 45_000
const TEST_TIMEOUT_MS = 60_000
const SERVE_FETCH_EXPORT = path.join(__dirname, 'server/serveFetchExport.cjs')
const USE_EXPRESS_4 = path.join(__dirname, 'server/useExpress4.cjs')

interface Case {
  name: string
  section?: Section
  subsection: string
  /** Which block of that subsection, when it has more than one. */
  index?: number
  /** The block only exports a fetch handler (Bun, Deno, Workers, Next.js): serve this export on Node. */
  fetchExport?: string
  /** Run with `express` resolved to Express 4. */
  express4?: boolean
}

const cases: Case[] = [
  { name: 'node:http', subsection: 'node:http' },
  { name: 'Express 5, handler before the parser', subsection: 'Express', index: 0 },
  { name: 'Express 4, handler before the parser', subsection: 'Express', index: 0, express4: true },
  { name: 'Express 5, behind express.json()', subsection: 'Express', index: 1 },
  { name: 'Express 4, behind express.json()', subsection: 'Express', index: 1, express4: true },
  { name: 'Koa', subsection: 'Koa' },
  { name: 'Hono on Node', subsection: 'Hono' },
  {
    name: 'the fetch-standard default export',
    subsection: 'Bun, Deno and Cloudflare Workers',
    fetchExport: 'default.fetch',
  },
  { name: 'the Next.js route handler', subsection: 'Next.js route handler', fetchExport: 'POST' },
  { name: 'Express 5, guarded route', section: GUARDED, subsection: 'Express (and node:http)' },
  { name: 'Express 4, guarded route', section: GUARDED, subsection: 'Express (and node:http)', express4: true },
  { name: 'Koa, guarded route', section: GUARDED, subsection: 'Koa' },
  {
    name: 'fetch-standard, guarded route',
    section: GUARDED,
    subsection: 'Fetch-standard servers',
    fetchExport: 'default.fetch',
  },
]

/** The TypeScript blocks under the section's `##` heading, each with the folder it was written to. */
const shownUnder = ({ topic, section }: Section) =>
  topicBlocks(topic)
    .filter((block) => block.section === section)
    .map((block) => ({ ...block, source: `site/${topic}` }))
const shown = [...shownUnder(SERVERS), ...shownUnder(GUARDED)]
type ShownBlock = SectionBlock & { source: string }

function blockOf({ section = SERVERS, subsection, index = 0 }: Case): ShownBlock {
  const block = shownUnder(section).filter((candidate) => candidate.subsection === subsection)[index]
  if (!block) throw new Error(`docs/en/${section.topic}.md has no code block ${index} under "### ${subsection}"`)
  return block
}

/**
 * The file `npm run test:builds` wrote of the block. Never rewritten here: that
 * replaces the whole folder, under the feet of the docs project's tests running
 * beside this one.
 */
function writtenFile(block: ShownBlock): string {
  const file = blockFile(block.source, block)
  if (!existsSync(file) || !readFileSync(file, 'utf8').includes(block.code)) {
    throw new Error(`${file} is missing or older than the page: run \`npm run test:builds\` (npm test does).`)
  }
  return file
}

let fake: FakeWeChat
let wechat: { url: string; close(): Promise<void> }
let snippet: SnippetProcess | undefined

beforeAll(async () => {
  fake = createFakeWeChat({ appId: APP_ID, secret: SECRET })
  wechat = await fake.listen()
})
afterEach(async () => {
  await snippet?.stop()
  snippet = undefined
})
afterAll(async () => {
  await stopAll()
  await wechat?.close()
})

test(`every TypeScript block under "## ${SERVERS.section}" and "## ${GUARDED.section}" is run below`, () => {
  const run = new Set(cases.map(blockOf).map((block) => `${block.source}:${block.line}`))
  expect(shown.length).toBeGreaterThan(0)
  expect(shown.map((block) => `${block.source}:${block.line}`).filter((at) => !run.has(at))).toEqual([])
})

test("the package README's quickstart is the node:http server run below", () => {
  const quickstart = codeBlocks(READMES.server).filter((block) => block.lang === 'ts')
  expect(quickstart.map((block) => block.code)).toEqual([blockOf({ name: 'node:http', subsection: 'node:http' }).code])
})

test("the package README's service command is the service page's (the bin suites run what it sets up)", () => {
  const commands = (file: string) =>
    [...readFileSync(file, 'utf8').matchAll(/^```sh\n([\s\S]*?)^```$/gm)].map((m) => m[1])
  const readme = commands(READMES.server).find((block) => block.includes('npx @opengid/server keys'))
  expect(readme).toBeDefined()
  for (const lang of ['zh', 'en'] as const) expect(commands(sitePage('server/service', lang))).toContain(readme)
})

/** The guarded route of the README's examples lets this ticket through for its own group only. */
async function checkGuardedRoute(url: string, opengid: string, ticket: string | undefined): Promise<Answer[]> {
  const route = (group: string) => `${url}/api/groups/${group}/leaderboard`
  const bearer = { authorization: `Bearer ${ticket}` }
  const accepted = await send(route(opengid), { method: 'GET', headers: bearer })
  expect({ status: accepted.status, json: accepted.json }).toEqual({
    status: 200,
    json: { opengid, you: expect.stringMatching(/^o/), scores: [] },
  })
  const missing = await send(route(opengid), { method: 'GET' })
  expect({ status: missing.status, code: missing.json.error?.code }).toEqual({ status: 401, code: 'TICKET_MISSING' })
  const elsewhere = await send(route('G-someone-else'), { method: 'GET', headers: bearer })
  expect({ status: elsewhere.status, code: elsewhere.json.error?.code }).toEqual({
    status: 403,
    code: 'GROUP_MISMATCH',
  })
  return [accepted, missing, elsewhere]
}

test.each(cases)(
  '$name: a client request comes back as its group, with a ticket',
  async (testCase) => {
    const file = writtenFile(blockOf(testCase))
    snippet = await startSnippet({
      args: testCase.fetchExport ? [SERVE_FETCH_EXPORT, file, testCase.fetchExport] : [file],
      preload: testCase.express4 ? USE_EXPRESS_4 : undefined,
      env: {
        WX_APPID: APP_ID,
        WX_SECRET: SECRET,
        OPENGID_TICKET_SECRET: TICKET_SECRET,
        OPENGID_WECHAT_ENDPOINT: wechat.url,
      },
      startTimeoutMs: START_TIMEOUT_MS,
    })
    const url = `${snippet.url}/api/opengid`
    const opengid = `G-docs-${testCase.name.replace(/\W+/g, '-')}`
    const exchanges = fake.exchanges

    const answer = await send(url, { body: JSON.stringify(fake.clientRequest(`user-${opengid}`, { opengid })) })
    expect({ status: answer.status, json: answer.json }).toEqual({
      status: 200,
      json: groupAnswer({ opengid, chatType: 3 }),
    })
    expect(fake.exchanges).toBe(exchanges + 1)
    const guarded =
      testCase.section === GUARDED ? await checkGuardedRoute(snippet.url, opengid, answer.json.ticket) : []

    const bad = await send(url, { body: '{"code":' })
    expect({ status: bad.status, json: bad.json }).toEqual({
      status: 400,
      json: { error: { code: 'BAD_INPUT', message: expect.any(String) } },
    })
    // Over the handler's 16 KiB, under every framework parser's limit.
    const big = await send(url, { body: JSON.stringify({ padding: 'x'.repeat(20 * 1024) }) })
    expect({ status: big.status, code: big.json.error?.code }).toEqual({ status: 413, code: 'PAYLOAD_TOO_LARGE' })
    const said = [answer, bad, big, ...guarded].map(({ text }) => text).join('\n') + snippet.stderr()
    for (const secret of [SECRET, TICKET_SECRET, ...fake.issuedSessionKeys]) expect(said).not.toContain(secret)
    if (testCase.express4) expect(snippet.stderr()).toMatch(/express resolved to .*node_modules[\\/]express4[\\/]/)
  },
  TEST_TIMEOUT_MS,
)
