/**
 * One value per process, shared by every copy of a module. Next bundles route handlers, server actions
 * and instrumentation separately, each with its own copy of lib/ modules: a module-level value would
 * exist once per copy. What must exist once per process (a memo that writes clear, the signing queue,
 * the job scheduler) is kept on globalThis under a registered symbol instead.
 */
export function processShared<Value>(name: string, create: () => Value): Value {
  const key = Symbol.for(`vigil.${name}`);
  const holder = globalThis as { [key: symbol]: Value | undefined };
  return (holder[key] ??= create());
}
