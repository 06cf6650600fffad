import os from 'node:os'

/** What the figures were measured on: they mean little without it. */
export function machine() {
  const cpus = os.cpus()
  return {
    cores: cpus.length,
    cpu: cpus[0]?.model.trim() ?? 'unknown',
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
  }
}

/**
 * The 1, 5 and 15 minute load averages. Taken before and after a run: on a
 * shared machine, a rise shows that something else competed for the cores.
 */
export function loadAverage(): number[] {
  return os.loadavg().map((load) => Math.round(load * 100) / 100)
}
