import { OpenDataError, SessionError } from '@opengid/server'
import { answerJsonPost } from '../../src/http/answerJsonPost'

const post = (readBody = () => Promise.resolve({ kind: 'text' as const, text: '{}' })) => ({
  method: 'POST',
  contentType: 'application/json',
  readBody,
})

describe('answerJsonPost', () => {
  test('a bug is a 500 with a generic message; the error goes to the reporter only', async () => {
    const reported: unknown[] = []
    const bug = new TypeError("Cannot read properties of undefined (reading 'sessionKey')")
    const answer = await answerJsonPost(
      () => Promise.reject(bug),
      post(),
      (error) => reported.push(error),
    )

    expect(answer).toEqual({ status: 500, json: { error: { code: 'INTERNAL', message: 'internal server error' } } })
    expect(reported).toEqual([bug])
  })

  test('typed failures are answered, not reported', async () => {
    const reported: unknown[] = []
    const answer = await answerJsonPost(
      () => Promise.reject(new OpenDataError('NO_GROUP', 'no group')),
      post(),
      (error) => reported.push(error),
    )
    expect(answer.status).toBe(400)
    expect(reported).toEqual([])
  })

  test('a session store failure is answered 503 and still reported: the operator must hear of it', async () => {
    const reported: unknown[] = []
    const failure = new SessionError('STORE_UNAVAILABLE', 'the session store failed to read a session')
    const answer = await answerJsonPost(
      () => Promise.reject(failure),
      post(),
      (error) => reported.push(error),
    )
    expect(answer.status).toBe(503)
    expect(answer.json).toEqual({ error: { code: 'SESSIONS_UNAVAILABLE', message: expect.any(String) } })
    expect(reported).toEqual([failure])
  })

  test('a body that cannot be read (client went away) is a 400, not a 500', async () => {
    const answer = await answerJsonPost(
      () => Promise.resolve({}),
      post(() => Promise.reject(new Error('aborted'))),
    )
    expect(answer.status).toBe(400)
  })

  test('the body is not read when the method or content type is refused', async () => {
    const readBody = jest.fn()
    await answerJsonPost(() => Promise.resolve({}), { method: 'GET', contentType: 'application/json', readBody })
    await answerJsonPost(() => Promise.resolve({}), { method: 'POST', contentType: 'text/plain', readBody })
    expect(readBody).not.toHaveBeenCalled()
  })
})
