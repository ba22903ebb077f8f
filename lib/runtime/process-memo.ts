/**
 * A memo shared by every copy of a module in this process (lib/runtime/process-shared.ts): a
 * module-level Map that an organizer's write (a server action) clears would not be the one the
 * signing and count APIs read.
 */
import 'server-only';
import { processShared } from '@/lib/runtime/process-shared';

export function processMemo<Value>(name: string): Map<string, Value> {
  return processShared(`memo.${name}`, () => new Map<string, Value>());
}
