// The import graph stays a tree of layers: no module imports itself round a loop, and no domain of lib/
// reaches another domain that reaches it back. Only static value imports count (`import type` and
// dynamic `import()` load nothing at start), as TypeScript emits them.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const scanned = ['lib', 'app', 'components', 'db'];
const domains = new Set(['account', 'audit', 'cases', 'console', 'letters', 'petitions', 'settings', 'targets', 'users']);

function isScanned(path: string): boolean {
  return (
    /\.tsx?$/.test(path) &&
    !/\.test\.tsx?$/.test(path) &&
    !/test-fixtures\.ts$/.test(path) &&
    !path.split('/').includes('fixtures') &&
    !/authorization-scenarios?\.ts$/.test(path)
  );
}

function sourceFiles(dir: string): string[] {
  return readdirSync(join(root, dir)).flatMap((name) => {
    const path = `${dir}/${name}`;
    if (statSync(join(root, path)).isDirectory()) return name === 'node_modules' ? [] : sourceFiles(path);
    return isScanned(path) ? [path] : [];
  });
}

/** The specifiers a module loads when it runs: value imports and re-exports, not types. */
function staticImports(source: string, fileName = 'module.ts'): string[] {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, false);
  const specifiers: string[] = [];
  for (const statement of file.statements) {
    if (ts.isImportDeclaration(statement) && ts.isStringLiteral(statement.moduleSpecifier)) {
      const clause = statement.importClause;
      const typeOnly =
        clause !== undefined &&
        (clause.isTypeOnly ||
          (clause.name === undefined &&
            clause.namedBindings !== undefined &&
            ts.isNamedImports(clause.namedBindings) &&
            clause.namedBindings.elements.length > 0 &&
            clause.namedBindings.elements.every((element) => element.isTypeOnly)));
      if (!typeOnly) specifiers.push(statement.moduleSpecifier.text);
    } else if (ts.isExportDeclaration(statement) && statement.moduleSpecifier && ts.isStringLiteral(statement.moduleSpecifier)) {
      const clause = statement.exportClause;
      const typeOnly =
        statement.isTypeOnly ||
        (clause !== undefined && ts.isNamedExports(clause) && clause.elements.length > 0 && clause.elements.every((element) => element.isTypeOnly));
      if (!typeOnly) specifiers.push(statement.moduleSpecifier.text);
    }
  }
  return specifiers;
}

function resolve(from: string, specifier: string, files: Set<string>): string | undefined {
  let base: string;
  if (specifier.startsWith('@/')) base = specifier.slice(2);
  else if (specifier.startsWith('.')) base = relative(root, join(root, dirname(from), specifier)).split(sep).join('/');
  else return undefined;
  return [base, `${base}.ts`, `${base}.tsx`, `${base}/index.ts`, `${base}/index.tsx`].find((candidate) => files.has(candidate));
}

type ImportGraph = Map<string, string[]>;

function importGraph(): ImportGraph {
  const files = scanned.flatMap(sourceFiles);
  const known = new Set(files);
  return new Map(
    files.map((file) => [
      file,
      staticImports(readFileSync(join(root, file), 'utf8'), file)
        .map((specifier) => resolve(file, specifier, known))
        .filter((target): target is string => target !== undefined),
    ]),
  );
}

/** Strongly connected components with more than one member (or a member importing itself). */
function cycles(graph: Map<string, Iterable<string>>): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (node: string) => {
    index.set(node, counter);
    low.set(node, counter);
    counter += 1;
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node)!, low.get(next)!));
      } else if (onStack.has(next)) {
        low.set(node, Math.min(low.get(node)!, index.get(next)!));
      }
    }
    if (low.get(node) === index.get(node)) {
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        component.push(member);
      } while (member !== node);
      if (component.length > 1 || [...(graph.get(node) ?? [])].includes(node)) found.push(component.sort());
    }
  };
  for (const node of graph.keys()) if (!index.has(node)) visit(node);
  return found;
}

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
