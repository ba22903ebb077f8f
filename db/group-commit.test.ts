import { describe, expect, it } from 'vitest';
import { createGroupCommit } from './group-commit';

interface Item {
  id: number;
  keys?: string[];
  fail?: boolean;
}

/** A runner whose batches finish only when the test says so, recording what ran together. */
function controlledRunner() {
  const batches: number[][] = [];
  const pending: { ids: number[]; finish(): void }[] = [];
  let running = 0;
  let mostRunning = 0;
  const run = (items: Item[]) =>
    new Promise<string[]>((resolve, reject) => {
      const ids = items.map((item) => item.id);
      batches.push(ids);
      running++;
      mostRunning = Math.max(mostRunning, running);
      pending.push({
        ids,
        finish: () => {
          running--;
          if (items.some((item) => item.fail)) reject(new Error(`batch ${ids.join(',')} failed`));
          else resolve(items.map((item) => `done ${item.id}`));
        },
      });
    });
  /** Finishes the oldest running batch and lets its callers' promises settle. */
  const finishOldest = async () => {
    pending.shift()!.finish();
    await new Promise((resolve) => setImmediate(resolve));
  };
  return { batches, run, finishOldest, mostRunning: () => mostRunning, pendingCount: () => pending.length };
}

const flush = () => new Promise((resolve) => setImmediate(resolve));

describe('group commit', () => {
  it('sends a lone item at once, alone, and answers it from its own result', async () => {
    const runner = controlledRunner();
    const commit = createGroupCommit<Item, string>({ maxBatch: 10, maxInFlight: 2, keys: () => [], run: runner.run });
    const answer = commit.submit({ id: 1 });
    expect(runner.batches).toEqual([[1]]);
    await runner.finishOldest();
    await expect(answer).resolves.toBe('done 1');
    expect(commit.state()).toEqual({ waiting: 0, inFlight: 0 });
  });

  it('gathers what arrives while batches run into the next batch, never more than maxInFlight at once', async () => {
    const runner = controlledRunner();
    const commit = createGroupCommit<Item, string>({ maxBatch: 100, maxInFlight: 2, keys: () => [], run: runner.run });
    const answers = Array.from({ length: 12 }, (_, id) => commit.submit({ id }));
    // Two go out alone at once; the other ten wait for a free slot and then leave together.
    expect(runner.batches).toEqual([[0], [1]]);
    expect(commit.state()).toEqual({ waiting: 10, inFlight: 2 });
    await runner.finishOldest();
    expect(runner.batches).toEqual([[0], [1], [2, 3, 4, 5, 6, 7, 8, 9, 10, 11]]);
    while (runner.pendingCount() > 0) await runner.finishOldest();
    expect(await Promise.all(answers)).toEqual(Array.from({ length: 12 }, (_, id) => `done ${id}`));
    expect(runner.mostRunning()).toBe(2);
  });

  it('keeps batches within maxBatch', async () => {
    const runner = controlledRunner();
    const commit = createGroupCommit<Item, string>({ maxBatch: 3, maxInFlight: 1, keys: () => [], run: runner.run });
    const answers = Array.from({ length: 8 }, (_, id) => commit.submit({ id }));
    while (runner.pendingCount() > 0) await runner.finishOldest();
    await Promise.all(answers);
    expect(runner.batches).toEqual([[0], [1, 2, 3], [4, 5, 6], [7]]);
  });

  it('never puts items sharing a key in one batch or in two running batches, and keeps their order', async () => {
    const runner = controlledRunner();
    const commit = createGroupCommit<Item, string>({ maxBatch: 100, maxInFlight: 2, keys: (item) => item.keys ?? [], run: runner.run });
    const answers = [
      commit.submit({ id: 0, keys: ['address-a'] }),
      // Shares address-a with the running batch: may not run beside it.
      commit.submit({ id: 1, keys: ['address-a', 'mail-x'] }),
      commit.submit({ id: 2, keys: ['address-b'] }),
      // Shares mail-x with item 1, which waits: must not overtake it.
      commit.submit({ id: 3, keys: ['address-c', 'mail-x'] }),
      commit.submit({ id: 4, keys: ['address-d'] }),
    ];
    expect(runner.batches).toEqual([[0], [2]]);
    await runner.finishOldest();
    expect(runner.batches).toEqual([[0], [2], [1, 4]]);
    await runner.finishOldest();
    await runner.finishOldest();
    expect(runner.batches).toEqual([[0], [2], [1, 4], [3]]);
    await runner.finishOldest();
    expect(await Promise.all(answers)).toEqual(['done 0', 'done 1', 'done 2', 'done 3', 'done 4']);
  });

  it('lets no item overtake an older waiting one that shares a key with it', async () => {
    const runner = controlledRunner();
    const commit = createGroupCommit<Item, string>({ maxBatch: 100, maxInFlight: 2, keys: (item) => item.keys ?? [], run: runner.run });
    const answers = [
      commit.submit({ id: 0, keys: ['address-z'] }),
      commit.submit({ id: 1, keys: ['address-a'] }),
      // Waits for item 1 (address-a); item 3 shares mail-x with it and must wait behind it.
      commit.submit({ id: 2, keys: ['address-a', 'mail-x'] }),
      commit.submit({ id: 3, keys: ['address-c', 'mail-x'] }),
    ];
    expect(runner.batches).toEqual([[0], [1]]);
    await runner.finishOldest(); // item 0: a slot is free, but item 2 still waits for item 1, and item 3 behind it
    expect(runner.batches).toEqual([[0], [1]]);
    await runner.finishOldest(); // item 1: now item 2 goes, and item 3 still waits for it
    expect(runner.batches).toEqual([[0], [1], [2]]);
    await runner.finishOldest();
    expect(runner.batches).toEqual([[0], [1], [2], [3]]);
    await runner.finishOldest();
    expect(await Promise.all(answers)).toEqual(['done 0', 'done 1', 'done 2', 'done 3']);
  });

  it('retries a failed batch one by one, so only the bad item fails', async () => {
    const runner = controlledRunner();
    const failures: number[] = [];
    const commit = createGroupCommit<Item, string>({
      maxBatch: 100,
      maxInFlight: 1,
      keys: () => [],
      run: runner.run,
      onBatchFailure: (_, size) => failures.push(size),
    });
    const first = commit.submit({ id: 0 });
    const rest = [commit.submit({ id: 1 }), commit.submit({ id: 2, fail: true }), commit.submit({ id: 3 })];
    const settled = Promise.allSettled(rest);
    await runner.finishOldest();
    await runner.finishOldest(); // the batch of three fails
    while (runner.pendingCount() > 0) await runner.finishOldest();
    await expect(first).resolves.toBe('done 0');
    const results = await settled;
    expect(results.map((result) => result.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(runner.batches).toEqual([[0], [1, 2, 3], [1], [2], [3]]);
    expect(failures).toEqual([3]);
    expect(commit.state()).toEqual({ waiting: 0, inFlight: 0 });
  });

  it('refuses a runner answer of the wrong length rather than misattribute results', async () => {
    const commit = createGroupCommit<Item, string>({ maxBatch: 10, maxInFlight: 1, keys: () => [], run: async () => ['only one'] });
    const answers = Promise.allSettled([commit.submit({ id: 0 }), commit.submit({ id: 1 }), commit.submit({ id: 2 })]);
    await flush();
    const results = await answers;
    // The first ran alone and got its one result; the batch of two got one result for two: each retried alone.
    expect(results.map((result) => (result.status === 'fulfilled' ? result.value : 'rejected'))).toEqual(['only one', 'only one', 'only one']);
  });

  it('refuses at once when maxWaiting items already wait, and refuses an item that waited past maxWaitMs, unwritten', async () => {
    const runner = controlledRunner();
    const commit = createGroupCommit<Item, string>({
      maxBatch: 100,
      maxInFlight: 1,
      keys: () => [],
      run: runner.run,
      maxWaiting: 2,
      maxWaitMs: 50,
      refuse: (reason) => new Error(`refused: ${reason}`),
    });
    const running = commit.submit({ id: 0 }); // leaves at once; the database then stalls
    const waiting = [commit.submit({ id: 1 }), commit.submit({ id: 2 })];
    await expect(commit.submit({ id: 3 })).rejects.toThrow('refused: full');
    await expect(Promise.allSettled(waiting)).resolves.toEqual([
      { status: 'rejected', reason: new Error('refused: deadline') },
      { status: 'rejected', reason: new Error('refused: deadline') },
    ]);
    expect(commit.state()).toEqual({ waiting: 0, inFlight: 1 });
    await runner.finishOldest();
    await expect(running).resolves.toBe('done 0');
    // Only the item that left was ever written.
    expect(runner.batches).toEqual([[0]]);
  });

  it('fails a whole batch at once when retryEach says the failure is not the items\' fault (a database outage)', async () => {
    const runner = controlledRunner();
    const commit = createGroupCommit<Item, string>({ maxBatch: 100, maxInFlight: 1, keys: () => [], run: runner.run, retryEach: () => false });
    const first = commit.submit({ id: 0 });
    const rest = Promise.allSettled([commit.submit({ id: 1, fail: true }), commit.submit({ id: 2 })]);
    await runner.finishOldest();
    await runner.finishOldest();
    await first;
    expect((await rest).map((result) => result.status)).toEqual(['rejected', 'rejected']);
    expect(runner.batches).toEqual([[0], [1, 2]]);
  });
});
