import { useTranslations } from 'next-intl';
import type { ViewChange } from '@/lib/cases/public-snapshot';

/** The name a reviewer knows a record of the public view by: an event's title, a person's alias, a correction's event. */
function nameOf(value: unknown): string | null {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return null;
  const record = value as Record<string, unknown>;
  const name = record.title ?? record.alias ?? record.eventTitle ?? record.date;
  return typeof name === 'string' ? name : null;
}

/** A value of the public view as a reviewer reads it: text as text, records by their names, nothing as a dash. */
function readable(json: string | null, empty: string): string {
  if (json === null) return empty;
  const value: unknown = JSON.parse(json);
  if (value === null || value === '' || (Array.isArray(value) && value.length === 0)) return empty;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return String(value);
  const names = Array.isArray(value) ? value.map(nameOf) : [nameOf(value)];
  if (names.every((name) => name !== null)) return names.join(' · ');
  return json.length > 300 ? `${json.slice(0, 300)}…` : json;
}

/** What a publication changes on the public page, one line per field: where, what the public sees now, what it would see. */
export function PublicationChanges({ changes, testId }: { changes: ViewChange[]; testId: string }) {
  const t = useTranslations('advocacy.publication.change');
  return (
    <table className="mt-2 w-full table-fixed border-collapse text-left text-sm" data-testid={testId}>
      <thead>
        <tr className="border-b border-stone-200 text-stone-600">
          <th scope="col" className="w-1/3 py-1 pr-2 font-medium">
            {t('path')}
          </th>
          <th scope="col" className="py-1 pr-2 font-medium">
            {t('before')}
          </th>
          <th scope="col" className="py-1 font-medium">
            {t('after')}
          </th>
        </tr>
      </thead>
      <tbody>
        {changes.map((change, index) =>
          change.path === 'public' ? (
            <tr key={`${index}:${change.path}`} className="border-b border-stone-100" data-testid="publication-change">
              <td colSpan={3} className="py-1 font-medium">
                {change.after ? t('becomesPublic') : t('takenDown')}
              </td>
            </tr>
          ) : (
            <tr key={`${index}:${change.path}`} className="border-b border-stone-100 align-top" data-testid="publication-change">
              <td className="break-words py-1 pr-2 font-mono text-xs">{change.path}</td>
              <td className="break-words py-1 pr-2 text-stone-600">
                {readable(change.before, t('empty'))}
              </td>
              <td className="break-words py-1">→ {readable(change.after, t('empty'))}</td>
            </tr>
          ),
        )}
      </tbody>
    </table>
  );
}
