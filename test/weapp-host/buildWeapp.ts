import path from 'node:path'
import { ROOT, taroBuild } from '../../scripts/taroBuild'

/**
 * Builds the demo for weapp and resolves with the output directory. The resolver URL
 * stays at its default: the host keeps its path and swaps the origin for the dev server's.
 */
export async function buildWeapp(signal?: AbortSignal): Promise<string> {
  await taroBuild('weapp', { OPENGID_RESOLVER_URL: '' }, signal)
  return path.join(ROOT, 'dist/weapp')
}
