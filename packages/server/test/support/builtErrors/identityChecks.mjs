/**
 * `instanceof` between the copies of one error class that two builds of a
 * package define (its CJS and ESM files), in every direction. Returns the
 * checks that must hold and those that must not, by a readable name, for the
 * jest suite to assert on: it runs in a plain node process, where `require`
 * and `import()` load the real files.
 *
 * copies: { cjs: exports, esm: exports }; className: the class to check;
 * args: its constructor arguments; otherClass: another error class of the
 * package, whose errors must not pass.
 */
export function identityChecks(copies, className, args, otherClass) {
  const mustHold = {}
  const mustNotHold = {}
  for (const [fromName, from] of Object.entries(copies)) {
    const Sub = class extends from[className] {}
    for (const [toName, to] of Object.entries(copies)) {
      const To = to[className]
      // Two copies, or the other checks would prove nothing.
      if (to !== from) mustNotHold[`${fromName} and ${toName} share one ${className}`] = from[className] === To
      const error = new from[className](...args)
      mustHold[`${fromName} error instanceof ${toName} ${className}`] = error instanceof To
      mustHold[`${fromName} subclass error instanceof ${toName} ${className}`] = new Sub(...args) instanceof To
      mustNotHold[`${toName} error instanceof a ${fromName} subclass`] = new To(...args) instanceof Sub
      mustNotHold[`a look-alike of a ${fromName} error instanceof ${toName} ${className}`] =
        { ...error, message: error.message, stack: error.stack } instanceof To
      if (otherClass !== undefined) {
        const other = new from[otherClass.name](...otherClass.args)
        mustNotHold[`${fromName} ${otherClass.name} instanceof ${toName} ${className}`] = other instanceof To
      }
    }
    mustHold[`${fromName} subclass error instanceof itself`] = new Sub(...args) instanceof Sub
    for (const [name, value] of [
      ['a plain Error', new Error('x')],
      ['null', null],
      ['undefined', undefined],
      ['the class name', className],
    ]) {
      mustNotHold[`${name} instanceof ${fromName} ${className}`] = value instanceof from[className]
    }
  }
  return { mustHold, mustNotHold }
}

/** Prints the result for the parent jest process. */
export function report(result) {
  process.stdout.write(JSON.stringify(result))
}
