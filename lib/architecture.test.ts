// The import graph stays a tree of layers: no module imports itself round a loop, and no domain of lib/
// reaches another domain that reaches it back. Only static value imports count (`import type` and
// dynamic `import()` load nothing at start), as TypeScript emits them.
import { describe, expect, it } from 'vitest';
import { cycles, type ImportGraph, importGraph, staticImports } from './import-graph';

const domains = new Set(['account', 'audit', 'cases', 'console', 'letters', 'petitions', 'settings', 'targets', 'users']);

function domainOf(file: string): string | undefined {
  const [top, domain] = file.split('/');
  return top === 'lib' && domain !== undefined && domains.has(domain) ? domain : undefined;
}

/** Each loop among domains, told as the imports that cross between the domains of the loop. */
function domainCycles(graph: ImportGraph): string[] {
  const domainGraph = new Map<string, Set<string>>();
  for (const [file, targets] of graph) {
    const from = domainOf(file);
    if (from === undefined) continue;
    for (const target of targets) {
      const to = domainOf(target);
      if (to !== undefined && to !== from) domainGraph.set(from, (domainGraph.get(from) ?? new Set()).add(to));
    }
  }
  return cycles(domainGraph).map((loop) => {
    const crossings = [...graph].flatMap(([file, targets]) =>
      targets
        .filter((target) => {
          const from = domainOf(file);
          const to = domainOf(target);
          return from !== undefined && to !== undefined && from !== to && loop.includes(from) && loop.includes(to);
        })
        .map((target) => `  ${file} -> ${target}`),
    );
    return `${loop.join(' <-> ')}:\n${crossings.join('\n')}`;
  });
}

describe('the import graph', () => {
  const graph = importGraph();

  it('reads the modules of lib/, app/, components/ and db/ and resolves their imports', () => {
    expect(graph.size).toBeGreaterThan(200);
    expect(graph.get('lib/operations/registry.ts')).toContain('lib/petitions/operations.ts');
  });

  it('has no loop between the domains of lib/', () => {
    expect(domainCycles(graph)).toEqual([]);
  });

  it('has no module that imports itself round a loop', () => {
    expect(cycles(graph)).toEqual([]);
  });
});

describe('the cycle finder', () => {
  it('counts value imports and re-exports, not types or dynamic imports', () => {
    const source = [
      "import a from './a';",
      "import type { B } from './b';",
      "import { type C } from './c';",
      "import { type D, d } from './d';",
      "import './e';",
      "export { f } from './f';",
      "export type { G } from './g';",
      "export * from './h';",
      "const i = () => import('./i');",
    ].join('\n');
    expect(staticImports(source)).toEqual(['./a', './d', './e', './f', './h']);
  });

  it('finds a loop and names its members', () => {
    const graph = new Map([
      ['lib/letters/a.ts', ['lib/targets/b.ts']],
      ['lib/targets/b.ts', ['lib/targets/c.ts']],
      ['lib/targets/c.ts', ['lib/letters/a.ts']],
      ['lib/cases/d.ts', ['lib/letters/a.ts']],
    ]);
    expect(cycles(graph)).toEqual([['lib/letters/a.ts', 'lib/targets/b.ts', 'lib/targets/c.ts']]);
    expect(domainCycles(graph)).toEqual([
      'letters <-> targets:\n  lib/letters/a.ts -> lib/targets/b.ts\n  lib/targets/c.ts -> lib/letters/a.ts',
    ]);
  });
});
