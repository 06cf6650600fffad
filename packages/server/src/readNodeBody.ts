import type { IncomingMessage } from 'node:http'
import { MAX_BODY_BYTES, TOO_LARGE, type RequestBody } from './requestBody'

/** A node request, possibly after Express/Koa-style middleware stored the parsed body on it. */
export type NodeRequest = IncomingMessage & { body?: unknown }

/**
 * Reads at most MAX_BODY_BYTES. Past that it pauses the stream instead of
 * draining it, so a huge upload costs no memory; the caller then closes the
 * connection. A body already parsed by middleware is taken as is: the stream
 * has been consumed and the parser's own limit applied.
 */
export function readNodeBody(req: NodeRequest): Promise<RequestBody> {
  if (typeof req.body === 'string') return Promise.resolve(textWithinLimit(Buffer.from(req.body)))
  if (Buffer.isBuffer(req.body)) return Promise.resolve(textWithinLimit(req.body))
  if (req.body !== undefined) return Promise.resolve({ kind: 'parsed', value: req.body })
  if (Number(req.headers['content-length']) > MAX_BODY_BYTES) return Promise.resolve(TOO_LARGE)
  // Consumed by someone else without leaving req.body: waiting for 'end' would hang.
  if (req.readableEnded) return Promise.reject(new Error('the request body was already consumed'))

  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    const onData = (chunk: Buffer) => {
      size += chunk.length
      if (size > MAX_BODY_BYTES) {
        stop()
        req.pause()
        resolve(TOO_LARGE)
      } else {
        chunks.push(chunk)
      }
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

function textWithinLimit(bytes: Buffer): RequestBody {
  return bytes.length > MAX_BODY_BYTES ? TOO_LARGE : { kind: 'text', text: bytes.toString('utf8') }
}
