/**
 * What this process does before it exits on SIGTERM: stop the background jobs and give back their
 * leases, close the SMTP pool, close the database. server.ts runs the hooks; modules register them (one
 * list per process, whichever bundle registers).
 */
import { processShared } from './process-shared';

type Hook = { name: string; order: number; run(): Promise<void> | void };

const hooks = () => processShared('shutdownHooks', () => new Map<string, Hook>());

/** Registers (or replaces) a hook; lower `order` runs first. */
export function onShutdown(name: string, order: number, run: Hook['run']): void {
  hooks().set(name, { name, order, run });
}

/** Runs every hook in order, each at most `timeoutMs`; a hook that fails does not stop the others. */
export async function runShutdownHooks(timeoutMs = 8_000, report: (name: string, error: unknown) => void = () => {}): Promise<void> {
  for (const hook of [...hooks().values()].sort((a, b) => a.order - b.order)) {
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        Promise.resolve().then(hook.run),
        new Promise((_, reject) => {
          timer = setTimeout(() => reject(new Error(`${hook.name} did not finish within ${timeoutMs} ms`)), timeoutMs);
        }),
      ]);
    } catch (error) {
      report(hook.name, error);
    } finally {
      clearTimeout(timer);
    }
  }
}
