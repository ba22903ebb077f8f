/**
 * Test-wide guards (vitest.config.ts `setupFiles`). pg warns, once per process, when a transaction's
 * queries overlap on its one connection (`Promise.all` over `tx`): pg 9 will refuse it outright, and
 * the results' order is then not what the code assumes. Here the warning fails the run.
 */
process.on('warning', (warning) => {
  if (warning.name === 'DeprecationWarning' && warning.message.includes('client is already executing a query')) {
    throw new Error(`Overlapping queries on one connection (a Promise.all over a transaction?): ${warning.message}`);
  }
});
