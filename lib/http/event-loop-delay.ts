/**
 * How late this process's event loop turns, for the front door (lib/http/front-door.ts). A timer that
 * should fire every 10 ms notes how late it fires. Liveness and every other answer wait for the turn
 * in progress, so when turns run long the front door refuses new work before doing any of it.
 */
import { processShared } from '@/lib/runtime/process-shared';

const TICK_MS = 10;

interface DelayWatch {
  /** When the timer last fired (performance.now()). */
  lastTickAt: number;
  /** Until when the loop counts as delayed, after a turn that ran past the limit. */
  delayedUntil: number;
  limitMs: number;
  holdMs: number;
}

function startWatch(limitMs: number, holdMs: number): DelayWatch {
  const watch: DelayWatch = { lastTickAt: performance.now(), delayedUntil: 0, limitMs, holdMs };
  setInterval(() => {
    const now = performance.now();
    if (now - watch.lastTickAt - TICK_MS > watch.limitMs) watch.delayedUntil = now + watch.holdMs;
    watch.lastTickAt = now;
  }, TICK_MS).unref();
  return watch;
}

/**
 * A watch over this process's event loop: `delayed()` is true while the turn in progress has run longer
 * than `limitMs`, and for `holdMs` after a turn that did. One per process, started on first use.
 */
export function eventLoopDelayWatch(limitMs: number, holdMs: number): { delayed(): boolean } {
  const watch = processShared('eventLoopDelay', () => startWatch(limitMs, holdMs));
  return {
    delayed() {
      const now = performance.now();
      return now < watch.delayedUntil || now - watch.lastTickAt - TICK_MS > watch.limitMs;
    },
  };
}
