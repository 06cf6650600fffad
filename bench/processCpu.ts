import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'

/** The kernel's clock ticks per second, the unit of /proc's CPU times (100 on Linux). */
const TICKS_PER_SECOND = Number(execFileSync('getconf', ['CLK_TCK']).toString().trim())

/**
 * CPU time (user + system) process `pid` has used so far, in ms, from /proc/<pid>/stat
 * (Linux). What a server spends on its requests, whatever else the machine runs: req/s
 * on 2 shared cores also measures the load generator beside it.
 */
export function cpuMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
  // After "pid (comm) ", the fields start at proc(5)'s third (state); utime and stime are the 14th and 15th.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND
}
