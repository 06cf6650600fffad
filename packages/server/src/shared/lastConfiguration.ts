/**
 * What `make` made for the last configuration seen, found again by the settings it was
 * made from, not by the options object: a cloud function, or an API that calls
 * verifyGroupTicket per request, passes a new object every time, and making anew meant
 * importing the same key again for every ticket. One configuration is kept (a server
 * signs and checks with one); another one is checked by `make` and replaces it.
 * An array among the settings is copied and compared element by element: the caller
 * may change its own array in place.
 */
export function lastConfiguration<O, T>(
  settingsOf: (options: O) => readonly unknown[],
  make: (options: O) => T,
): (options: O) => T {
  let last: { settings: unknown[]; made: T } | undefined
  return (options) => {
    const settings = settingsOf(options).map((setting) => (Array.isArray(setting) ? [...setting] : setting))
    if (last === undefined || !settings.every((setting, index) => same(setting, last!.settings[index]))) {
      last = { settings, made: make(options) }
    }
    return last.made
  }
}

function same(a: unknown, b: unknown): boolean {
  if (!Array.isArray(a) || !Array.isArray(b)) return a === b
  return a.length === b.length && a.every((item, index) => item === b[index])
}
