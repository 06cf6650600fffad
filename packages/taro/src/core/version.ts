/** Compares dotted base-library versions numerically ("2.10.4" > "2.9.0"); missing parts count as 0. */
export function compareVersion(a: string, b: string): number {
  const pa = a.split('.')
  const pb = b.split('.')
  const length = Math.max(pa.length, pb.length)
  for (let i = 0; i < length; i++) {
    // A missing or non-numeric part counts as 0.
    const diff = (parseInt(pa[i], 10) || 0) - (parseInt(pb[i], 10) || 0)
    if (diff !== 0) return diff > 0 ? 1 : -1
  }
  return 0
}

export function atLeast(version: string | undefined, minimum: string): boolean {
  return version !== undefined && version !== '' && compareVersion(version, minimum) >= 0
}
