// A factory's options are the server's own configuration: a mistake in one is a
// TypeError at creation, naming the option, not an answer about a request.

export function checkNonEmptyString(value: unknown, name: string): asserts value is string {
  if (typeof value !== 'string' || value === '') throw new TypeError(`${name} must be a non-empty string`)
}

/** `unit` says what the number counts, for the message ("seconds"). */
export function checkWholeNumber(value: unknown, name: string, unit?: string): asserts value is number {
  if (!(typeof value === 'number' && Number.isSafeInteger(value) && value > 0)) {
    throw new TypeError(`${name} must be a whole number${unit === undefined ? '' : ` of ${unit}`} > 0`)
  }
}

export function checkPositiveFinite(value: unknown, name: string): asserts value is number {
  if (!(isFiniteAtLeast(value, 0) && value > 0)) throw new TypeError(`${name} must be a finite number > 0`)
}

export function isFiniteAtLeast(value: unknown, min: number): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= min
}
