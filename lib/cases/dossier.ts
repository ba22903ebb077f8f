/**
 * The dossier of one case for UN mechanisms and lawyers: every record with its SHA-256 over a canonical
 * JSON form (keys sorted), so a reader can check that a record was not altered after export.
 */
import { createHash } from 'node:crypto';

export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, child]) => child !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([key, child]) => `${JSON.stringify(key)}:${canonicalJson(child)}`).join(',')}}`;
}

export function recordHash(record: unknown): string {
  return createHash('sha256').update(canonicalJson(record)).digest('hex');
}

export interface HashedRecord<T> {
  record: T;
  sha256: string;
}

export function hashed<T>(record: T): HashedRecord<T> {
  // Hash the record as it will be read back from JSON (dates as ISO strings).
  const plain = JSON.parse(JSON.stringify(record)) as T;
  return { record: plain, sha256: recordHash(plain) };
}

export interface Dossier {
  format: 'vigil-dossier/1';
  exportedAt: string;
  exportedBy: string;
  case: HashedRecord<Record<string, unknown>>;
  people: HashedRecord<Record<string, unknown>>[];
  events: HashedRecord<Record<string, unknown>>[];
  sources: HashedRecord<Record<string, unknown>>[];
  history: HashedRecord<Record<string, unknown>>[];
}
