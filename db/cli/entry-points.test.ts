/**
 * Every command-line entry point in package.json (`tsx --conditions=react-server <file>`: migrations, seeds,
 * backups, mail delivery, upkeep, accounts, the audit check) loads in plain Node as an operator runs it.
 * Each is started with a database that refuses connections and no SMTP server, so it stops at once with its
 * own refusal; what may never appear is a module that fails to load or link (as next-intl's React entry did
 * for `npm run mail:deliver`). Benchmarks are left out: they build and start servers.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';

const scripts = (JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> }).scripts;
const ENTRY = /^tsx --conditions=react-server (\S+\.ts)$/;
const entryPoints = Object.entries(scripts).flatMap(([name, command]) => {
  const file = ENTRY.exec(command)?.[1];
  return file && !name.startsWith('bench:') ? [{ name, file }] : [];
});

function run(file: string): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['node_modules/tsx/dist/cli.mjs', '--conditions=react-server', file], {
      env: { ...process.env, DATABASE_URL: 'postgres://127.0.0.1:1/refused', SMTP_URL: '', NODE_ENV: 'production' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code, output }));
  });
}

it('finds the entry points', () => {
  expect(entryPoints.map((entry) => entry.name)).toEqual(expect.arrayContaining(['db:migrate', 'mail:deliver', 'petitions:maintain', 'audit:verify', 'user:create']));
});

it.concurrent.each(entryPoints)('$name loads and stops with its own refusal', async ({ file }) => {
  const { code, output } = await run(file);
  expect(output).not.toMatch(/SyntaxError|does not provide an export named|ERR_MODULE_NOT_FOUND|Cannot find module/);
  expect(code).not.toBe(0);
}, 120_000);
