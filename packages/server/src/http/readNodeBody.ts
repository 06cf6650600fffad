import type { IncomingMessage } from 'node:http'
import { DEFAULT_BODY_LIMITS, tooLarge, type BodyLimits, type RequestBody } from './requestBody'

/** A node request, possibly after Express/Koa-style middleware stored the parsed body on it. */
export type NodeRequest = IncomingMessage & { body?: unknown }

/**
 * Reads at most `maxBytes`, for at most `timeoutMs`. Past either it pauses the
 * stream instead of draining it, so a huge or trickling upload costs no memory;
 * the caller then closes the connection. A body middleware already read is taken as is, under the same
 * cap: parsers allow more (express.json() 100 KB), and the cap must not depend
 * on which middleware ran first.
 */
export async function readNodeBody(req: NodeRequest, limits = DEFAULT_BODY_LIMITS): Promise<RequestBody> {
  const length = req.headers['content-length']
  if (Number(length) > limits.maxBytes) return tooLarge(limits.maxBytes)
  // Only a consumed stream shows that a parser ran: Express 4's parsers set
  // req.body = {} on requests they skip. (req.complete is no sign: it turns true
  // once the body has arrived, whether anyone read it or not.)
  if (req.readableEnded) return parsedBody(req.body, length === undefined, limits.maxBytes)
  // 'close' has fired already and would not fire again for the listeners below.
  if (req.destroyed) throw new Error('the request was aborted before its body was read')
  return readStream(req, limits)
}

function parsedBody(body: unknown, chunked: boolean, maxBytes: number): RequestBody {
  if (typeof body === 'string') {
    return Buffer.byteLength(body) > maxBytes ? tooLarge(maxBytes) : { kind: 'text', text: body }
  }
  if (Buffer.isBuffer(body)) {
    return body.length > maxBytes ? tooLarge(maxBytes) : { kind: 'text', text: body.toString('utf8') }
  }
  if (body === undefined) throw new Error('the request body was already consumed')
  // A chunked body had no Content-Length to check above: its JSON, re-encoded
  // without the sender's whitespace, is the nearest measure of what was sent.
  return chunked && jsonBytes(body) > maxBytes ? tooLarge(maxBytes) : { kind: 'parsed', value: body }
}

function jsonBytes(value: unknown): number {
  try {
    return Buffer.byteLength(JSON.stringify(value) ?? '')
  } catch {
    // Not JSON-shaped (a cycle, a BigInt): no parser of JSON made it; the resolver refuses it by shape.
    return 0
  }
}

/**
 * A body cut off (too large, too slow) is left unread and the stream paused; the
 * answer then closes the connection, which frees the socket.
 */
function readStream(req: IncomingMessage, { maxBytes, timeoutMs }: BodyLimits): Promise<RequestBody> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    const cutOff = (body: RequestBody) => {
      stop()
      req.pause()
      resolve(body)
    }
    // Node's own requestTimeout (300 s) would hold a socket for a trickling body far longer.
    const timer = setTimeout(() => cutOff({ kind: 'timedOut', afterMs: timeoutMs }), timeoutMs)
    const onData = (chunk: Buffer) => {
      size += chunk.length
      if (size > maxBytes) cutOff(tooLarge(maxBytes))
      else chunks.push(chunk)
    }
    const onEnd = () => {
      stop()
      resolve({ kind: 'text', text: Buffer.concat(chunks).toString('utf8') })
    }
    const onFailure = () => {
      stop()
      reject(new Error('the request ended before its body was complete'))
    }
    const stop = () => {
      clearTimeout(timer)
      req.off('data', onData)
      req.off('end', onEnd)
      req.off('error', onFailure)
      req.off('close', onFailure)
    }
    req.on('data', onData)
    req.on('end', onEnd)
    req.on('error', onFailure)
    req.on('close', onFailure)
  })
}
