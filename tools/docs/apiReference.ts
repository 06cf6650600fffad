import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import ts from 'typescript'
import { TOPICS } from '../../docs/.vitepress/topics'
import { ROOT } from '../root'
import { run } from '../run'
import { SITE_DIR, sitePage, type Lang } from '../docBlocks'

/** The packages' public entry points, from tsconfig's `paths` (the map tsc, jest and the demo resolve them by). */
export function publicEntries(): Record<string, string> {
  // tsconfig.json is JSON with comments: read it as tsc does.
  const { config, error } = ts.readConfigFile(path.join(ROOT, 'tsconfig.json'), ts.sys.readFile)
  if (error) throw new Error(ts.flattenDiagnosticMessageText(error.messageText, '\n'))
  const tsconfig = config as { compilerOptions: { paths: Record<string, string[]> } }
  return Object.fromEntries(
    Object.entries(tsconfig.compilerOptions.paths)
      .filter(([name]) => name.startsWith('@opengid/'))
      .map(([name, [file]]) => [name, file]),
  )
}

const API_TOPIC = TOPICS.find((topic) => topic.generated)
if (API_TOPIC === undefined) throw new Error('docs/.vitepress/topics.ts lists no generated topic')
/** Where the reference goes in each language: the generated topic's folder. */
export const apiDir = (lang: Lang) => path.dirname(sitePage(API_TOPIC.path, lang))

/** The line under the index page's title; TypeDoc's own heading is the project's name. */
const INTRO: Record<Lang, string> = {
  en: 'Generated from the packages’ types at build time, one page per entry point you import.',
  // The reference itself stays in English (it is the types' own doc comments); only this line is translated.
  zh: '在构建时由各包的类型生成，每个可导入的入口一页。以下内容取自类型中的英文注释，未作翻译。',
}

function writeIndex(lang: Lang) {
  const index = path.join(apiDir(lang), 'index.md')
  const body = readFileSync(index, 'utf8').replace(/^# .*\n/, '')
  writeFileSync(index, `# ${API_TOPIC![lang]}\n\n${INTRO[lang]}\n${body}`)
}

/**
 * TypeDoc's markdown of the packages' public entries, one page per entry, into the English
 * reference folder, copied to the Chinese one. TypeDoc runs by its CLI, not its API: under
 * tsx the plugins would load a second copy of TypeDoc.
 */
export async function writeApiReference(): Promise<void> {
  const options = {
    name: 'opengid',
    tsconfig: 'tsconfig.json',
    out: path.relative(ROOT, apiDir('en')),
    docsRoot: path.relative(ROOT, SITE_DIR),
    readme: 'none',
    outputFileStrategy: 'modules',
    // TypeDoc's own anchors: VitePress slugs some names otherwise (`MIN_SDK` → `min-sdk`).
    useHTMLAnchors: 'true',
    // `npm run typecheck` checks these files; TypeDoc only reads their types.
    skipErrorChecking: 'true',
  }
  const plugins = ['typedoc-plugin-markdown', 'typedoc-vitepress-theme', './tools/docs/typedocNames.mjs']
  await run(
    process.execPath,
    [
      path.join(ROOT, 'node_modules/typedoc/bin/typedoc'),
      ...Object.values(publicEntries()).flatMap((file) => ['--entryPoints', file]),
      ...plugins.flatMap((plugin) => ['--plugin', plugin]),
      ...Object.entries(options).flatMap(([key, value]) => [`--${key}`, value]),
    ],
    { cwd: ROOT, env: { OPENGID_API_ENTRIES: JSON.stringify(publicEntries()) } },
  )
  rmSync(apiDir('zh'), { recursive: true, force: true })
  cpSync(apiDir('en'), apiDir('zh'), { recursive: true })
  // The site's config reads the English one for both sidebars.
  rmSync(path.join(apiDir('zh'), 'typedoc-sidebar.json'))
  writeIndex('en')
  writeIndex('zh')
}
