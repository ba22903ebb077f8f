/**
 * Security floors: the installed framework and auth libraries must be at least these versions (each
 * fixes advisories that matter to Vigil). `npm test` fails on an older install.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compareVersions } from './compare-versions';

const VERSION_FLOORS = {
  next: '16.4.6',
  react: '19.3.1',
  'react-dom': '19.3.1',
  'next-auth': '4.24.15',
  'drizzle-orm': '0.45.4',
} as const;

function installedVersion(name: string): string {
  const manifest = path.join(process.cwd(), 'node_modules', name, 'package.json');
  return (JSON.parse(fs.readFileSync(manifest, 'utf8')) as { version: string }).version;
}

describe('version floors', () => {
  it.each(Object.entries(VERSION_FLOORS))('%s is installed at %s or later', (name, floor) => {
    const installed = installedVersion(name);
    expect(compareVersions(installed, floor), `${name} ${installed} is below its floor ${floor}`).toBeGreaterThanOrEqual(0);
  });
});

describe('compareVersions', () => {
  it('orders versions numerically, part by part, with pre-releases before their release', () => {
    expect(compareVersions('16.4.6', '16.4.6')).toBe(0);
    expect(compareVersions('16.4.5', '16.4.6')).toBeLessThan(0);
    expect(compareVersions('16.10.0', '16.4.6')).toBeGreaterThan(0);
    expect(compareVersions('4.24.9', '4.24.15')).toBeLessThan(0);
    expect(compareVersions('0.45.4', '0.45.10')).toBeLessThan(0);
    expect(compareVersions('16.4.6-canary.1', '16.4.6')).toBeLessThan(0);
    expect(compareVersions('17.0.0-rc.0', '16.4.6')).toBeGreaterThan(0);
  });
});
