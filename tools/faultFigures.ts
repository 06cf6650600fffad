/** One fault's line in docs/RELIABILITY.md, as the fault suite (test/faults/) measured it. */
export interface Figure {
  fault: string
  client: string
  requests: number
  /** "503 SESSIONS_UNAVAILABLE" → how many. */
  answers: Record<string, number>
  /** The longest any request waited for its answer. */
  maxHeldMs: number
  /** From the fault's end to the first 200 after the last 5xx; null for a fault that never ends. */
  recoveredAfterMs: number | null
}

/** Where the suite writes each file's figures when `npm run faults` asks it to. */
export const FIGURES_FOLDER_VARIABLE = 'OPENGID_FAULT_FIGURES'

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`

/** The figures as a Markdown table. */
export function figuresTable(figures: Figure[]): string {
  const rows = figures.map((f) => {
    const answers = Object.entries(f.answers)
      .map(([answer, count]) => `${count} × ${answer}`)
      .join(', ')
    const recovered = f.recoveredAfterMs === null ? '(never ends)' : seconds(f.recoveredAfterMs)
    return `| ${f.fault} | ${f.client} | ${f.requests} | ${answers} | ${seconds(f.maxHeldMs)} | ${recovered} |`
  })
  return [
    '| fault | client | requests | answers | longest held | recovered after the fault ended |',
    '| ----- | ------ | -------- | ------- | ------------ | ------------------------------- |',
    ...rows,
  ].join('\n')
}
