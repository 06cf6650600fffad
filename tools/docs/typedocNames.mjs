// @ts-check
import path from 'node:path'
import { Converter, ReflectionKind } from 'typedoc'

/**
 * A TypeDoc plugin (plain ESM, as TypeDoc loads plugins): names each module by the specifier
 * users import it by (`@opengid/taro/vanilla`), not by its source path (`taro/src/vanilla`).
 * The map, file → specifier, comes in OPENGID_API_ENTRIES from tools/docs/apiReference.ts.
 * @param {import('typedoc').Application} app
 */
export function load(app) {
  /** @type {Record<string, string>} */
  const entries = JSON.parse(process.env.OPENGID_API_ENTRIES ?? '{}')
  const byFile = new Map(Object.entries(entries).map(([name, file]) => [path.resolve(file), name]))
  app.converter.on(Converter.EVENT_RESOLVE_BEGIN, (context) => {
    for (const module of context.project.getReflectionsByKind(ReflectionKind.Module)) {
      const file = module.sources?.[0]?.fullFileName
      const name = file === undefined ? undefined : byFile.get(path.resolve(file))
      if (name !== undefined) module.name = name
    }
  })
}
