/**
 * The SMTP sink (lib/mail/smtp-sink.ts) in a worker thread of its own, for tests and benchmarks whose
 * own thread is kept busy (bench/mail.ts sends 400 requests a second from it): a real SMTP server does
 * not wait for the load generator's event loop to answer. Messages are stamped when they arrive, in the
 * sink's thread, and passed on every 20 ms. The thread's code is bundled with esbuild on first use.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { build } from 'esbuild';
import type { SinkMessage } from './smtp-sink';

const root = fileURLToPath(new URL('../..', import.meta.url));

export interface SmtpSinkThread {
  port: number;
  /** Every message received so far, in order (filled as the thread reports them). */
  messages: SinkMessage[];
  close(): Promise<void>;
}

const THREAD_CODE = `
import { parentPort, workerData } from 'node:worker_threads';
import { startSmtpSink } from './lib/mail/smtp-sink';
const sink = await startSmtpSink(workerData.port);
let reported = 0;
const report = () => {
  if (sink.messages.length > reported) parentPort.postMessage({ type: 'messages', messages: sink.messages.slice(reported) });
  reported = sink.messages.length;
};
const timer = setInterval(report, 20);
parentPort.on('message', async () => {
  clearInterval(timer);
  report();
  await sink.close();
  parentPort.postMessage({ type: 'closed' });
});
parentPort.postMessage({ type: 'ready', port: sink.port });
`;

/** Bundles a worker thread's code (plain Node, packages from node_modules) into node_modules/.cache. */
export async function bundleThread(name: string, entry: { file: string } | { code: string }): Promise<string> {
  const outfile = path.join(root, 'node_modules', '.cache', 'vigil-threads', `${name}.mjs`);
  await build({
    ...('file' in entry ? { entryPoints: [entry.file] } : { stdin: { contents: entry.code, resolveDir: root, loader: 'ts' } }),
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    packages: 'external',
    alias: { 'server-only': path.join(root, 'node_modules/server-only/empty.js') },
    logLevel: 'warning',
  });
  return outfile;
}

export async function startSmtpSinkThread(port = 0): Promise<SmtpSinkThread> {
  const worker = new Worker(await bundleThread('smtp-sink', { code: THREAD_CODE }), { workerData: { port } });
  const messages: SinkMessage[] = [];
  let closed: () => void = () => {};
  const ready = new Promise<number>((resolve, reject) => {
    worker.once('error', reject);
    worker.on('message', (message: { type: 'ready'; port: number } | { type: 'messages'; messages: SinkMessage[] } | { type: 'closed' }) => {
      if (message.type === 'ready') resolve(message.port);
      else if (message.type === 'messages') messages.push(...message.messages);
      else closed();
    });
  });
  return {
    port: await ready,
    messages,
    close: async () => {
      await new Promise<void>((resolve) => {
        closed = resolve;
        worker.postMessage('close');
      });
      await worker.terminate();
    },
  };
}
