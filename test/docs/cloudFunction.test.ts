import { readFileSync } from 'node:fs'
import path from 'node:path'
import { verifyGroupTicket } from '@opengid/server'
import { createFakeWeChat } from '@opengid/server/dev'
import { ROOT } from '../../tools/root'
import { sitePage } from '../../tools/docBlocks'
import { everyPage, fencedBlocks } from './fenced'

// examples/cloud-function/index.js, run as WeChat's cloud runtime would: wx-server-sdk
// is the only stand-in (WeChat itself), and the event is what WeChat hands a function
// for a cloudID passed as a top-level field, from the fake WeChat.

const EXAMPLE = path.join(ROOT, 'examples/cloud-function/index.js')
const APP_ID = 'wx-cloud-example'
const SECRET = 'a-ticket-secret-of-at-least-32-bytes!'

jest.mock(
  'wx-server-sdk',
  () => ({
    DYNAMIC_CURRENT_ENV: Symbol('current env'),
    init: jest.fn(),
    getWXContext: () => ({ OPENID: 'o-cloud-user', APPID: 'wx-cloud-example' }),
  }),
  { virtual: true },
)

type Main = (event: { groupInfo: unknown; allowSingleChat?: boolean }) => Promise<Record<string, unknown>>
let main: Main
const fake = createFakeWeChat({ appId: APP_ID, secret: 'unused-here' })

beforeAll(async () => {
  process.env.OPENGID_TICKET_SECRET = SECRET
  main = ((await import(EXAMPLE)) as { main: Main }).main
})
afterAll(() => {
  delete process.env.OPENGID_TICKET_SECRET
})

it('answers the group with a ticket the app’s own API accepts, for the caller’s openid', async () => {
  const answer = await main({ groupInfo: fake.openData({ opengid: 'G_CLOUD', chatType: 3 }) })
  expect(answer).toMatchObject({ opengid: 'G_CLOUD', chatType: 3 })
  const claims = await verifyGroupTicket(answer.ticket as string, { ticketSecret: SECRET, appId: APP_ID })
  expect(claims).toMatchObject({ openid: 'o-cloud-user', opengid: 'G_CLOUD' })
})

it('answers a single chat only when cloudResolver said allowSingleChat, with a ticket for that room', async () => {
  const groupInfo = fake.openData({ openSingleRoomid: 'S_CLOUD', chatType: 1 })
  expect(await main({ groupInfo })).toEqual({ error: expect.objectContaining({ code: 'NO_GROUP' }) })
  const answer = await main({ groupInfo, allowSingleChat: true })
  expect(answer).toMatchObject({ roomType: 'single', roomId: 'S_CLOUD', openSingleRoomid: 'S_CLOUD' })
  const verifyOptions = { ticketSecret: SECRET, appId: APP_ID, allowSingleChat: true }
  const claims = await verifyGroupTicket(answer.ticket as string, verifyOptions)
  expect(claims).toMatchObject({ openid: 'o-cloud-user', roomType: 'single', roomId: 'S_CLOUD' })
})

it('answers an expired cloudID with the error body the kit retries on (-601006)', async () => {
  const answer = await main({ groupInfo: fake.openData({ opengid: 'G_CLOUD' }, { expired: true }) })
  expect(answer).toEqual({ error: expect.objectContaining({ code: 'EXPIRED', errCode: -601006 }) })
})

describe('the code the docs show', () => {
  const example = readFileSync(EXAMPLE, 'utf8')
  // A page shows the function from its first require on.
  const shownFrom = (block: string) => block.slice(block.indexOf("const cloud = require('wx-server-sdk')")).trim()

  it.each(['zh', 'en'] as const)('the cloud-function page (%s) shows the example', (lang) => {
    const shown = fencedBlocks(sitePage('server/cloud-function', lang), 'js').filter((block) =>
      block.includes("require('wx-server-sdk')"),
    )
    expect(shown).toHaveLength(1)
    expect(example).toContain(shownFrom(shown[0]))
  })

  it('every page that shows a cloud function shows this one', () => {
    const differs = everyPage().filter((page) =>
      fencedBlocks(page, 'js').some(
        (block) => block.includes("require('wx-server-sdk')") && !example.includes(shownFrom(block)),
      ),
    )
    expect(differs).toEqual([])
  })
})
