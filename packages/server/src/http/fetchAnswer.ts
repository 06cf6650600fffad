import { JSON_ANSWER_HEADERS, type HttpAnswer } from './httpAnswer'

/** An answer as a fetch-standard Response. */
export function responseOf(answer: HttpAnswer): Response {
  return new Response(JSON.stringify(answer.json), {
    status: answer.status,
    headers: { ...JSON_ANSWER_HEADERS, ...answer.headers },
  })
}
