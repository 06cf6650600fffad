/**
 * `instanceof` for an error class that may exist in several copies: the ESM and
 * CJS builds of this package (and its `dev` entry) each define their own class,
 * and an app can load more than one (the dual package hazard). Every copy marks
 * its prototype with the same registered symbol, and the base class answers
 * `instanceof` by that mark, so an error from any copy is an instance of every
 * copy. A subclass keeps the ordinary prototype-chain check: it is one class of
 * one copy.
 */
export function instanceOfBrand(target: object, base: object, brand: symbol, value: unknown): boolean {
  if (target !== base) return Function.prototype[Symbol.hasInstance].call(target, value)
  return (
    (typeof value === 'object' || typeof value === 'function') &&
    value !== null &&
    (value as { [key: symbol]: unknown })[brand] === true
  )
}
