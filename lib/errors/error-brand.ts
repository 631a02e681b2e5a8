/**
 * `instanceof` for error classes that works across bundles. The server runs two builds of the
 * same sources in one process: Next's route bundles and the lean API bundle
 * (lib/server/lean-api.ts, .next/reelcast-lean-api.mjs). They share one engine (globalThis), so
 * an error thrown by the engine's store or loader, built by one bundle, is caught by the other,
 * whose copy of the class is a different object: a plain `instanceof` would say no, and a 503
 * would become a 500. A branded class answers `instanceof` by a brand on its prototype chain,
 * a registered symbol (the same in every bundle) holding a name fixed in the source (class names
 * do not survive minification).
 */
const BRAND = Symbol.for("reelcast.error-brand");

type Branded = { [BRAND]?: string };

/** Gives `errorClass` (and so its subclasses, until they get their own) the brand `name`. */
export function brandErrorClass(errorClass: abstract new (...args: never[]) => Error, name: string): void {
  Object.defineProperty(errorClass.prototype, BRAND, { value: name, enumerable: false });
}

/**
 * True when `value` is an instance of a class branded `name` in any bundle: some object on its
 * prototype chain carries that brand as its own.
 */
function hasErrorBrand(value: unknown, name: string): boolean {
  if (typeof value !== "object" || value === null) return false;
  for (let prototype: unknown = Object.getPrototypeOf(value); prototype !== null && typeof prototype === "object"; prototype = Object.getPrototypeOf(prototype)) {
    if (Object.hasOwn(prototype, BRAND) && (prototype as Branded)[BRAND] === name) return true;
  }
  return false;
}

/**
 * The body of a branded class's `static [Symbol.hasInstance]`: the brand of `errorClass` itself
 * (subclasses inherit the static method, so `this` is whichever class the check names), or the
 * ordinary prototype check for a subclass that has no brand of its own.
 */
export function isBrandedInstance(errorClass: abstract new (...args: never[]) => Error, value: unknown): boolean {
  const prototype = errorClass.prototype as Branded;
  if (!Object.hasOwn(prototype, BRAND)) return Function.prototype[Symbol.hasInstance].call(errorClass, value);
  return hasErrorBrand(value, prototype[BRAND]!);
}
