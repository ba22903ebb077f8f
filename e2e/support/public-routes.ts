/**
 * Every route the app defines, found by reading app/, with example values for its parameters.
 * A new route with a parameter nobody gave an example for fails the leak test instead of being skipped.
 */
import fs from 'node:fs';
import path from 'node:path';

export interface RouteFile {
  route: string;
  kind: 'page' | 'route';
}

export function findRoutes(appDir = path.join(process.cwd(), 'app')): RouteFile[] {
  const found: RouteFile[] = [];
  const walk = (dir: string, segments: string[]) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) {
        // Route groups "(public)" and private folders "_x" do not appear in URLs.
        if (entry.name.startsWith('_')) continue;
        const next = entry.name.startsWith('(') ? segments : [...segments, entry.name];
        walk(path.join(dir, entry.name), next);
      } else if (/^page\.(tsx|ts)$/.test(entry.name)) {
        found.push({ route: `/${segments.join('/')}`, kind: 'page' });
      } else if (/^route\.(tsx|ts)$/.test(entry.name)) {
        found.push({ route: `/${segments.join('/')}`, kind: 'route' });
      }
    }
  };
  walk(appDir, []);
  return found;
}

/** Expands a route pattern into concrete paths, one per combination of example values. */
export function expandRoute(route: string, examples: Record<string, string[]>): string[] {
  let paths = [''];
  for (const segment of route.split('/').filter(Boolean)) {
    const parameter = /^\[{1,2}(?:\.\.\.)?([^\]]+)\]{1,2}$/.exec(segment)?.[1];
    if (!parameter) {
      paths = paths.map((prefix) => `${prefix}/${segment}`);
      continue;
    }
    const values = examples[parameter];
    if (!values) throw new Error(`No example values for [${parameter}] in ${route}: add some to the leak test.`);
    paths = paths.flatMap((prefix) => values.map((value) => (value === '' ? prefix : `${prefix}/${value}`)));
  }
  return paths.map((item) => item || '/');
}
