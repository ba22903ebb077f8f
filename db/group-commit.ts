/**
 * Group commit: many callers' writes go to the database as one statement, one round trip and one
 * commit, instead of one each. Under a surge this is what keeps signing close to the speed of the
 * framework itself: the per-statement costs (the network write, parse/bind, the commit's WAL flush)
 * are paid once per batch, not once per signature.
 *
 * - Nothing waits for a timer: an item goes out at once when fewer than `maxInFlight` batches are
 *   running; otherwise it joins the next batch, which leaves as soon as a running one finishes. A
 *   lone signer is never delayed; a crowd shares round trips.
 * - Each caller's promise settles only after its batch has committed (or failed): an answer never
 *   runs ahead of the database, and nothing is held in memory that a crash could lose silently.
 * - Items that share a key (one address, one e-mail, one idempotency key) never run in the same
 *   batch or in two batches at once: the later one waits, in arrival order. So a statement never
 *   meets the same row twice, and what one caller's write does is judged after the other's.
 * - If a batch fails, its items are retried one by one, so one bad item cannot fail the others (unless
 *   `retryEach` says the failure is not the items' fault: a database outage fails them all at once).
 * - Bounded: at most `maxWaiting` items wait, each at most `maxWaitMs`; past either, `submit` is refused
 *   with `refuse(...)` before anything is written, so a stalled database cannot pile up work and memory.
 *
 * Only signing uses it (lib/petitions/sign-petition.ts); it is generic so it can be tested alone.
 */
import 'server-only';

export interface GroupCommitOptions<Item, Result> {
  /** The most items in one batch. */
  maxBatch: number;
  /** The most batches running at once (each holds one database connection). */
  maxInFlight: number;
  /** Items sharing any key are never in one batch, nor in two running batches. */
  keys(item: Item): readonly string[];
  /** Writes the batch as one statement; returns one result per item, in the items' order. */
  run(items: Item[]): Promise<Result[]>;
  /** Told when a batch of several failed and its items are being retried one by one. */
  onBatchFailure?(error: unknown, size: number): void;
  /** The most items waiting for a batch; more are refused at once. */
  maxWaiting?: number;
  /** The longest an item waits for its batch to leave; then it is refused, unwritten. */
  maxWaitMs?: number;
  /** The error a refused item's promise rejects with. */
  refuse?(reason: 'full' | 'deadline'): Error;
  /** False when a failed batch should fail as a whole instead of being retried item by item. */
  retryEach?(error: unknown): boolean;
  /** Told of each batch as it leaves, and of the queue's length whenever it changes. */
  onBatch?(size: number): void;
  onQueueLength?(length: number): void;
}

interface Waiting<Item, Result> {
  item: Item;
  keys: readonly string[];
  resolve(result: Result): void;
  reject(error: unknown): void;
  deadline?: NodeJS.Timeout;
}

export interface GroupCommit<Item, Result> {
  submit(item: Item): Promise<Result>;
  /** How many items wait and how many batches run (for tests and diagnostics). */
  state(): { waiting: number; inFlight: number };
}

export function createGroupCommit<Item, Result>(options: GroupCommitOptions<Item, Result>): GroupCommit<Item, Result> {
  if (options.maxBatch < 1 || options.maxInFlight < 1) throw new Error('maxBatch and maxInFlight must be at least 1');
  let queue: Waiting<Item, Result>[] = [];
  let inFlight = 0;
  // Keys of the items in running batches, with how many running items hold each.
  const busy = new Map<string, number>();

  const hold = (keys: readonly string[], delta: 1 | -1) => {
    for (const key of keys) {
      const n = (busy.get(key) ?? 0) + delta;
      if (n === 0) busy.delete(key);
      else busy.set(key, n);
    }
  };

  /** The next batch: the oldest items whose keys are free, skipping (and keeping in order) the rest. */
  function takeBatch(): Waiting<Item, Result>[] {
    const batch: Waiting<Item, Result>[] = [];
    const rest: Waiting<Item, Result>[] = [];
    const taken = new Set<string>();
    for (const waiting of queue) {
      const free = batch.length < options.maxBatch && waiting.keys.every((key) => !taken.has(key) && !busy.has(key));
      // A skipped item's keys stay reserved, so a later item with one of them cannot overtake it.
      for (const key of waiting.keys) taken.add(key);
      (free ? batch : rest).push(waiting);
    }
    queue = rest;
    return batch;
  }

  async function runBatch(batch: Waiting<Item, Result>[]): Promise<void> {
    try {
      const results = await options.run(batch.map((waiting) => waiting.item));
      if (results.length !== batch.length) throw new Error(`a batch of ${batch.length} returned ${results.length} results`);
      batch.forEach((waiting, i) => waiting.resolve(results[i]!));
    } catch (error) {
      if (batch.length === 1 || options.retryEach?.(error) === false) {
        for (const waiting of batch) waiting.reject(error);
        return;
      }
      options.onBatchFailure?.(error, batch.length);
      for (const waiting of batch) await runBatch([waiting]);
    }
  }

  function drain(): void {
    while (inFlight < options.maxInFlight && queue.length > 0) {
      const batch = takeBatch();
      if (batch.length === 0) return;
      for (const waiting of batch) clearTimeout(waiting.deadline);
      options.onBatch?.(batch.length);
      options.onQueueLength?.(queue.length);
      inFlight++;
      const keys = batch.flatMap((waiting) => waiting.keys);
      hold(keys, 1);
      void runBatch(batch).finally(() => {
        inFlight--;
        hold(keys, -1);
        drain();
      });
    }
  }

  return {
    submit(item) {
      return new Promise<Result>((resolve, reject) => {
        const refuse = (reason: 'full' | 'deadline') => (options.refuse ? options.refuse(reason) : new Error(`group commit: ${reason}`));
        if (options.maxWaiting !== undefined && queue.length >= options.maxWaiting) return reject(refuse('full'));
        const waiting: Waiting<Item, Result> = { item, keys: options.keys(item), resolve, reject };
        if (options.maxWaitMs !== undefined) {
          waiting.deadline = setTimeout(() => {
            const index = queue.indexOf(waiting);
            if (index === -1) return;
            queue.splice(index, 1);
            options.onQueueLength?.(queue.length);
            reject(refuse('deadline'));
          }, options.maxWaitMs);
        }
        queue.push(waiting);
        options.onQueueLength?.(queue.length);
        drain();
      });
    },
    state: () => ({ waiting: queue.length, inFlight }),
  };
}
