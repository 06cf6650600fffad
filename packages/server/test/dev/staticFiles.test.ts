import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { request } from 'node:http'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { startDevServer, type DevServer } from '@opengid/server/dev'

// staticDir as the dev server serves it: a built H5 app, and nothing outside it.

/** A GET with the path sent byte for byte, as fetch would normalise '..' away. */
function rawGet(
  url: string,
  rawPath: string,
  method = 'GET',
): Promise<{ status: number; type?: string; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(`${url}/`, { method, path: rawPath }, (res) => {
      let body = ''
      res.setEncoding('utf8')
      res.on('data', (chunk: string) => (body += chunk))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, type: res.headers['content-type'], body }))
    })
    req.on('error', reject)
    req.end()
  })
}

const root = mkdtempSync(path.join(tmpdir(), 'opengid-dev-'))
const site = path.join(root, 'site')
let dev: DevServer

beforeAll(async () => {
  mkdirSync(path.join(site, 'js'), { recursive: true })
  writeFileSync(path.join(site, 'index.html'), '<!doctype html><title>demo</title>')
  writeFileSync(path.join(site, 'js', 'app.js'), 'console.log(1)')
  writeFileSync(path.join(site, 'style.css'), 'body{}')
  writeFileSync(path.join(root, 'outside.txt'), 'OUTSIDE-SECRET')
  mkdirSync(path.join(root, 'outside-dir'))
  writeFileSync(path.join(root, 'outside-dir', 'index.html'), 'OUTSIDE-SECRET')
  symlinkSync(path.join(root, 'outside.txt'), path.join(site, 'leak.txt'))
  symlinkSync(path.join(root, 'outside-dir'), path.join(site, 'leaky-dir'))
  symlinkSync(path.join(site, 'style.css'), path.join(site, 'alias.css'))
  dev = await startDevServer({ port: 0, staticDir: site })
})
afterAll(async () => {
  await dev.close()
  rmSync(root, { recursive: true, force: true })
})

describe('static files', () => {
  test.each([
    ['/', 'text/html; charset=utf-8', '<!doctype html><title>demo</title>'],
    ['/index.html', 'text/html; charset=utf-8', '<!doctype html><title>demo</title>'],
    ['/js/app.js', 'text/javascript; charset=utf-8', 'console.log(1)'],
    ['/style.css?v=2', 'text/css; charset=utf-8', 'body{}'],
    ['/pages/index/index', 'text/html; charset=utf-8', '<!doctype html><title>demo</title>'],
  ])('GET %s', async (route, type, body) => {
    expect(await rawGet(dev.url, route)).toEqual({ status: 200, type, body })
  })

  test('HEAD answers headers only', async () => {
    expect(await rawGet(dev.url, '/js/app.js', 'HEAD')).toEqual({
      status: 200,
      type: 'text/javascript; charset=utf-8',
      body: '',
    })
  })

  test('a symlink that stays inside staticDir is served', async () => {
    expect(await rawGet(dev.url, '/alias.css')).toEqual({
      status: 200,
      type: 'text/css; charset=utf-8',
      body: 'body{}',
    })
  })

  test.each([
    ['/leak.txt', 404, undefined],
    ['/leaky-dir/index.html', 404, undefined],
    // A path without an extension falls back to the app's own index.html, as client-side routes do.
    ['/leaky-dir/', 200, '<!doctype html><title>demo</title>'],
  ])('a symlink inside staticDir that leads outside it is not followed: %s', async (rawPath, status, body) => {
    const answer = await rawGet(dev.url, rawPath)
    expect(answer.status).toBe(status)
    expect(answer.body).not.toContain('OUTSIDE-SECRET')
    if (body !== undefined) expect(answer.body).toBe(body)
  })

  test('a missing asset is 404, not index.html', async () => {
    expect((await rawGet(dev.url, '/js/missing.js')).status).toBe(404)
  })

  test.each([
    '/../outside.txt',
    '/%2e%2e/outside.txt',
    '/js/..%2f..%2foutside.txt',
    '/%2e%2e%5coutside.txt',
    '/%00',
    '/%E0%A4%A',
  ])('no path traversal: %s', async (rawPath) => {
    const answer = await rawGet(dev.url, rawPath)
    expect(answer.status).toBe(404)
    expect(answer.body).not.toContain('OUTSIDE-SECRET')
  })
})
