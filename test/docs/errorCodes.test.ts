import { readFileSync } from 'node:fs'
import path from 'node:path'
import { sitePage } from '../../tools/docBlocks'
import { ROOT } from '../../tools/root'

/**
 * The errors page names every code a program can branch on, read from the sources that
 * define them, so a new code without a row on the page fails here. The codes are string
 * unions in the sources (types, gone at run time), hence reading the files.
 */
const source = (file: string) => readFileSync(path.join(ROOT, file), 'utf8')

/** The string literals of `type <name> = 'A' | 'B' ...` in a file. */
function unionOf(file: string, name: string): string[] {
  const declaration = new RegExp(`type ${name}\\b[^=]*=([^;]*?)(?:\\n\\n|\\n(?:export|const|/\\*\\*))`).exec(
    source(file),
  )
  if (!declaration) throw new Error(`${file} declares no type ${name}`)
  const codes = [...declaration[1].matchAll(/'([A-Z_]+)'/g)].map((match) => match[1])
  if (codes.length === 0) throw new Error(`${file}: type ${name} lists no codes`)
  return codes
}

/** The numbers of `export const NAME = <number>` in a file. */
function numbersOf(file: string, names: string[]): string[] {
  return names.map((name) => {
    const value = new RegExp(`export const ${name} = (-?\\d+)`).exec(source(file))?.[1]
    if (value === undefined) throw new Error(`${file} exports no number ${name}`)
    return value
  })
}

const CODES: Record<string, string[]> = {
  'the wire contract (HttpErrorCode)': unionOf('packages/taro/src/core/wire.ts', 'HttpErrorCode'),
  "the client's GroupEnterError": unionOf('packages/taro/src/core/GroupEnterError.ts', 'GroupEnterErrorCode'),
  "the server's OpenDataError": unionOf('packages/server/src/openData/OpenDataError.ts', 'OpenDataErrorCode'),
  "the server's GroupTicketError": unionOf('packages/server/src/ticket/GroupTicketError.ts', 'GroupTicketErrorCode'),
  "the server's SessionError": unionOf('packages/server/src/sessions/SessionError.ts', 'SessionErrorCode'),
  "WeChat's numbers the kit reads": [
    ...numbersOf('packages/taro/src/core/wire.ts', ['CLOUD_ID_EXPIRED']),
    ...numbersOf('packages/taro/src/core/wechatFailure.ts', ['SCENE_ERROR', 'LEFT_GROUP_ERROR']),
  ],
}

describe.each(['zh', 'en'] as const)('the errors page (%s)', (lang) => {
  const page = readFileSync(sitePage('reference/errors', lang), 'utf8')

  it.each(Object.entries(CODES))('names every code of %s', (_, codes) => {
    expect(codes.filter((code) => !page.includes(`\`${code}\``))).toEqual([])
  })
})

it('reads the codes from the sources', () => {
  // A parse that silently found less would make the checks above pass for nothing.
  expect(CODES['the wire contract (HttpErrorCode)']).toContain('SESSION_EXPIRED')
  expect(CODES['the wire contract (HttpErrorCode)'].length).toBeGreaterThanOrEqual(19)
  expect(CODES["the client's GroupEnterError"]).toEqual([
    'SCENE',
    'LEFT_GROUP',
    'UNSUPPORTED',
    'BRIDGE',
    'RESOLVER',
    'TIMEOUT',
    'INVALID_RESPONSE',
  ])
  expect(CODES["WeChat's numbers the kit reads"]).toEqual(['-601006', '40097', '65206'])
})
