import path from 'node:path'

/** The repository's root, where every path the tools, tests, scripts and bench name is taken from. */
export const ROOT = path.resolve(__dirname, '..')
