/**
 * `npm run walk`: the files whose code runs for one signature (the API route's POST → the stored row)
 * and for one letter batch (the console's generate action → the batch's PDF from the download route).
 * V8's precise coverage counts the functions called during the one call; a project file counts when at
 * least one of its functions ran. Loading a module is not running it: the entry modules are imported
 * before counting starts, and vite's export getters are not functions of the file. Only Next's request
 * scope is stood in for (headers, cookies, revalidatePath); the session is a real signed cookie.
 * Runs as a vitest file (bench/walk.config.ts) so the same harness measures any commit.
 */
import { appendFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Session } from 'node:inspector/promises';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { encode } from 'next-auth/jwt';
import { expect, it, vi } from 'vitest';
import { describeEachEngine } from '@/db/testing';
import { cycles, importGraph } from '@/lib/import-graph';

const root = fileURLToPath(new URL('..', import.meta.url));

/** The request Next would be handling: its headers (the session cookie among them). */
const request = vi.hoisted(() => ({ headers: new Headers() }));
const requestScope = vi.hoisted(() => ({
  headers: async () => request.headers,
  cookies: async () => {
    const jar = new Map(
      (request.headers.get('cookie') ?? '')
        .split(';')
        .filter(Boolean)
        .map((pair) => pair.trim().split('=') as [string, string]),
    );
    return { get: (name: string) => (jar.has(name) ? { name, value: jar.get(name)! } : undefined), getAll: () => [...jar].map(([name, value]) => ({ name, value })) };
  },
}));
vi.mock('next/headers', () => requestScope);
vi.mock('next/cache', async (original) => ({ ...(await original<object>()), revalidatePath: () => undefined }));
// next-auth reads the request through require('next/headers'), which vi.mock does not reach.
Object.assign(createRequire(import.meta.url)('next/headers'), requestScope);

interface ScriptCoverage {
  scriptId: string;
  url: string;
  functions: { functionName: string; ranges: { startOffset: number; endOffset: number; count: number }[] }[];
}

/** vite's live binding for an export: `() => { try { return name } catch {} }`, no code of the file. */
const EXPORT_GETTER = /^\(\) => \{ try \{ return [\w$]+ \} catch \{\} \}$/;

/** The project files (outside node_modules and this harness) with at least one function called during `call`. */
async function filesRun(call: () => Promise<void>): Promise<string[]> {
  const inspector = new Session();
  inspector.connect();
  try {
    await inspector.post('Profiler.enable');
    await inspector.post('Debugger.enable');
    await inspector.post('Profiler.startPreciseCoverage', { callCount: true, detailed: false });
    await inspector.post('Profiler.takePreciseCoverage'); // resets the counts
    await call();
    const { result } = (await inspector.post('Profiler.takePreciseCoverage')) as { result: ScriptCoverage[] };
    const files = new Set<string>();
    for (const script of result) {
      if (!script.url.startsWith('file://')) continue;
      const file = relative(root, fileURLToPath(script.url.split('?')[0]!));
      if (file.startsWith('..') || file.includes('node_modules') || file.startsWith('bench/walk')) continue;
      const called = script.functions.filter((fn) => fn.ranges[0]!.count > 0);
      if (called.length === 0) continue;
      const { scriptSource } = (await inspector.post('Debugger.getScriptSource', { scriptId: script.scriptId })) as { scriptSource: string };
      const length = scriptSource.length;
      const own = called.filter(({ ranges: [range] }) => {
        const text = scriptSource.slice(range!.startOffset, range!.endOffset);
        // The module's body (the script, vite's wrapper) runs once at load: not a call.
        const wholeModule = range!.startOffset <= 20 && range!.endOffset >= length - 20;
        return !wholeModule && !EXPORT_GETTER.test(text);
      });
      if (own.length > 0) files.add(file);
      if (own.length > 0 && process.env.WALK_FUNCTIONS) console.log(`${file}: ${own.map((fn) => fn.functionName || '(anonymous)').join(', ')}`);
    }
    return [...files].sort();
  } finally {
    await inspector.post('Profiler.stopPreciseCoverage');
    inspector.disconnect();
  }
}

function folderOf(file: string): string {
  return file.includes('/') ? file.slice(0, file.lastIndexOf('/')) : '.';
}

/** The walk: the entry file a reader opens first (whether or not its own code runs: an adapter may be all of it), then what ran. */
function walk(entry: string, ran: string[]): string[] {
  return [...new Set([entry, ...ran])].sort();
}

/**
 * Back-and-forth: folders of the walk that import each other round a loop (a domain that loads generic
 * machinery that loads the domain again), read from the static imports among the walk's own files.
 */
function foldersRoundALoop(files: string[]): string[][] {
  const walked = new Set(files);
  const folders = new Map<string, Set<string>>();
  for (const [file, targets] of importGraph()) {
    if (!walked.has(file)) continue;
    for (const target of targets) {
      if (walked.has(target) && folderOf(target) !== folderOf(file)) folders.set(folderOf(file), (folders.get(folderOf(file)) ?? new Set()).add(folderOf(target)));
    }
  }
  return cycles(folders);
}

function report(flow: string, files: string[]): void {
  // WALK_JSON=<file>: the walks also as JSON lines, for comparing commits.
  if (process.env.WALK_JSON) appendFileSync(process.env.WALK_JSON, `${JSON.stringify({ flow, files })}\n`);
  const folders = [...new Set(files.map(folderOf))].sort();
  const lines = folders.map((folder) => `  ${folder}/: ${files.filter((file) => folderOf(file) === folder).map((file) => file.slice(folder.length + 1)).join(', ')}`);
  const loops = foldersRoundALoop(files);
  const backAndForth = loops.length === 0 ? 'none' : loops.map((loop) => loop.join(' <-> ')).join('; ');
  console.log(`${flow}: ${files.length} files in ${folders.length} folders; back-and-forth: ${backAndForth}\n${lines.join('\n')}`);
}

describeEachEngine('the walk', ({ db }) => {
  it('of one signature: the API route → the stored row', async () => {
    process.env.NEXTAUTH_URL = 'https://vigil.test';
    const { createTestPetition } = await import('@/lib/petitions/test-fixtures');
    const { petitionSignatures } = await import('@/db/schema');
    const { POST } = await import('@/app/api/petitions/[slug]/signatures/route');
    const { slug } = await createTestPetition(db());
    // What server.ts sets for the signer's address (the header's name changed once; both are set).
    request.headers = new Headers({ 'x-vigil-client-address': '198.18.7.1', 'x-vigil-peer-address': '198.18.7.1' });
    let status = 0;
    const files = await filesRun(async () => {
      const response = await POST(
        new Request(`https://vigil.test/api/petitions/${slug}/signatures`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...Object.fromEntries(request.headers) },
          body: JSON.stringify({ name: 'Walk Signer', email: 'walk@example.org', country: 'DE' }),
        }),
        { params: Promise.resolve({ slug }) },
      );
      status = response.status;
    });
    expect(status).toBe(202);
    expect(await db().select({ id: petitionSignatures.id }).from(petitionSignatures)).toHaveLength(1);
    report('signature', walk('app/api/petitions/[slug]/signatures/route.ts', files));
  });

  it('of one letter batch: the console action → the PDF', async () => {
    const { NextRequest } = await import('next/server');
    const { authOptions } = await import('@/lib/auth/auth-options');
    const { createTestAccount, openTestSession } = await import('@/lib/auth/test-fixtures');
    const { insertPublicCase, insertTarget, insertTemplate } = await import('@/lib/letters/test-fixtures');
    const { generateBatchAction } = await import('@/app/[locale]/(staff)/admin/letters/actions');
    const { GET } = await import('@/app/api/letters/batch/route');
    const account = await createTestAccount({ role: 'organizer' });
    const session = await openTestSession(account);
    const cookie = await encode({ token: { sub: account.userId, sid: session.sessionId }, secret: authOptions.secret as string });
    request.headers = new Headers({
      cookie: `__Secure-next-auth.session-token=${cookie}; next-auth.session-token=${cookie}`,
      'x-vigil-client-address': '203.0.113.7',
      'x-vigil-peer-address': '203.0.113.7',
    });
    const { caseId } = await insertPublicCase();
    const templateId = await insertTemplate(caseId);
    const targetIds = [await insertTarget(), await insertTarget()];
    const form = new FormData();
    for (const [name, value] of Object.entries({ templateId, selection: 'picked', targetIds: targetIds.join(','), paper: 'a4', senderName: 'Kim Min-ji', senderOrganisation: 'Seoul Families' })) {
      form.set(name, value);
    }

    let batchId = '';
    const action = await filesRun(async () => {
      const state = await generateBatchAction({ ok: false }, form);
      if (!state.ok) throw new Error(`the action failed: ${JSON.stringify(state)}`);
      batchId = state.value!.batchId;
    });
    let pdf = '';
    const download = await filesRun(async () => {
      const response = await GET(new NextRequest(`https://vigil.test/api/letters/batch?id=${batchId}&format=pdf`), { params: Promise.resolve({}) });
      expect(response.status).toBe(200);
      pdf = Buffer.from(await response.arrayBuffer()).subarray(0, 5).toString('latin1');
    });
    expect(pdf).toBe('%PDF-');
    const generating = walk('app/[locale]/(staff)/admin/letters/actions.ts', action);
    const downloading = walk('app/api/letters/batch/route.ts', download);
    report('letter batch, generate action', generating);
    report('letter batch, PDF download', downloading);
    report('letter batch', [...new Set([...generating, ...downloading])].sort());
  });
});
