export type Cell = string | number

/** A GitHub-flavoured markdown table; numbers are right-aligned so columns of figures read at a glance. */
export function table(headers: string[], rows: Cell[][]): string {
  const numeric = headers.map((_, column) => rows.every((row) => typeof row[column] === 'number'))
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`
  return [
    line(headers),
    line(numeric.map((right) => (right ? '---:' : '---'))),
    ...rows.map((row) => line(row.map(String))),
  ].join('\n')
}
