import { createNodeHandler } from '@opengid/server'
import { groupAnswer } from '../support/answers'
import { CREDENTIALS, clientBody, makeFake } from '../support/fixtures'
import { postJson } from '../support/http'
import { serve } from '../support/serve'

// 200 round trips through a code2Session each: seconds on a busy 2-core machine.
test('a burst of 200 concurrent requests: every user gets their own group', async () => {
  const fake = makeFake()
  const wechat = await fake.listen()
  const api = await serve(createNodeHandler({ ...CREDENTIALS, endpoint: wechat.url, maxAgeSeconds: 300 }))
  try {
    const requests = Array.from({ length: 200 }, (_, i) => {
      const group = {
        opengid: `G-burst-${i}`,
        chatType: ((i % 4) + 1) as 1 | 2 | 3 | 4,
        source: i % 2 === 0 ? ('getGroupEnterInfo' as const) : ('getShareInfo' as const),
      }
      return { group, body: clientBody(fake, group) }
    })
    const answers = await Promise.all(requests.map(({ body }) => postJson(api.url, body)))

    answers.forEach((answer, i) => {
      const { group } = requests[i]
      expect(answer.status).toBe(200)
      expect(answer.json).toEqual(
        groupAnswer(
          group.source === 'getShareInfo'
            ? { opengid: group.opengid }
            : { opengid: group.opengid, chatType: group.chatType },
        ),
      )
    })
    expect(fake.exchanges).toBe(200)
  } finally {
    await api.close()
    await wechat.close()
  }
}, 30_000)
