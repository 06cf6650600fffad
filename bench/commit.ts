import { execFileSync } from 'node:child_process'
import { ROOT } from '../tools/root'

export interface Commit {
  hash: string
  /** Uncommitted changes were measured too: the figures are not quite those of `hash`. */
  dirty: boolean
}

// --no-optional-locks: `git status` would otherwise refresh the index, taking a lock
// that a concurrent git command in the same checkout could trip over.
const git = (...args: string[]) =>
  execFileSync('git', ['--no-optional-locks', ...args], { cwd: ROOT, encoding: 'utf8' })

/** Which code the figures belong to. */
export function commit(): Commit {
  return { hash: git('rev-parse', 'HEAD').trim(), dirty: git('status', '--porcelain').trim() !== '' }
}
