/**
 * A memo shared by every copy of a module in this process. Next bundles route handlers and server
 * actions separately, each with its own copy of lib/ modules: a module-level Map that an organizer's
 * write (a server action) clears would not be the one the signing and count APIs read.
 */
import 'server-only';

export function processMemo<Value>(name: string): Map<string, Value> {
  const key = Symbol.for(`vigil.memo.${name}`);
  const holder = globalThis as { [key: symbol]: Map<string, Value> | undefined };
  return (holder[key] ??= new Map<string, Value>());
}
