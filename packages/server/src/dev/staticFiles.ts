import { createReadStream } from 'node:fs'
import { realpath, stat } from 'node:fs/promises'
import type { IncomingMessage, ServerResponse } from 'node:http'
import path from 'node:path'
import { pipeline } from 'node:stream'
import { sendJson } from '../http/nodeAnswer'
import { requestPath } from './requestPath'

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
}

interface FoundFile {
  file: string
  size: number
}

/**
 * The directory to serve, with its symlinks resolved, so files can be checked
 * against it by their own resolved paths. A directory that does not exist (yet)
 * is taken as it is: nothing is served from it.
 */
export async function staticRoot(dir: string): Promise<string> {
  try {
    return await realpath(dir)
  } catch {
    return dir
  }
}

/**
 * Serves a GET or HEAD from `root` (a staticRoot). A path without a file
 * extension that names no file gets root/index.html, for client-side
 * routes; a missing asset stays a 404 so a broken build is noticed.
 */
export async function serveStatic(root: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const found = await findFile(root, requestPath(req))
  if (found === undefined) {
    sendJson(res, { status: 404, json: { error: { code: 'NOT_FOUND', message: 'no such file' } } })
    return
  }
  res.writeHead(200, {
    'Content-Type': CONTENT_TYPES[path.extname(found.file).toLowerCase()] ?? 'application/octet-stream',
    'Content-Length': String(found.size),
    'Cache-Control': 'no-cache',
  })
  if (req.method === 'HEAD') {
    res.end()
    return
  }
  // A failed read leaves a truncated response; the browser sees the short body.
  pipeline(createReadStream(found.file), res, () => undefined)
}

async function findFile(root: string, rawPath: string): Promise<FoundFile | undefined> {
  let decoded: string
  try {
    decoded = decodeURIComponent(rawPath)
  } catch {
    return undefined
  }
  if (decoded.includes('\0')) return undefined
  const target = path.resolve(root, `.${decoded}`)
  // Decoding may have produced '..' segments (%2e%2e, %2f): nothing outside root is served.
  if (!isInside(root, target)) return undefined
  return (
    (await fileAt(root, target)) ??
    (await fileAt(root, path.join(target, 'index.html'))) ??
    (path.extname(decoded) === '' ? await fileAt(root, path.join(root, 'index.html')) : undefined)
  )
}

/** By the file's resolved path: a symlink inside root that leads outside it is not followed. */
async function fileAt(root: string, file: string): Promise<FoundFile | undefined> {
  try {
    const real = await realpath(file)
    if (!isInside(root, real)) return undefined
    const stats = await stat(real)
    return stats.isFile() ? { file: real, size: stats.size } : undefined
  } catch {
    return undefined
  }
}

function isInside(root: string, target: string): boolean {
  return target === root || target.startsWith(root + path.sep)
}
