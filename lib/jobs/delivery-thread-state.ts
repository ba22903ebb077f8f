/**
 * Whether this process sends its mail from a thread of its own (lib/mail/start-delivery-thread.ts), for
 * the main thread's scheduler to leave `mail.deliver` to it. Apart from the thread's code, so the
 * scheduler does not load worker_threads machinery to ask.
 */
import { processShared } from '@/lib/runtime/process-shared';

const state = () => processShared('deliveryThreadState', () => ({ running: false }));

export function deliveryThreadRunning(): boolean {
  return state().running;
}

export function markDeliveryThreadRunning(running: boolean): void {
  state().running = running;
}
