import type { ReactNode } from 'react';

/** The console's table: a scrolling frame, a header row of column headings, and the rows given as children. */
export function DataTable({
  headings,
  textSize = 'sm',
  alignRowsTop = false,
  children,
}: {
  headings: ReactNode[];
  textSize?: 'sm' | 'xs';
  alignRowsTop?: boolean;
  children: ReactNode;
}) {
  return (
    <div className="overflow-x-auto rounded border border-stone-200 bg-white shadow-sm">
      <table className={`w-full text-left ${textSize === 'xs' ? 'text-xs' : 'text-sm'}`}>
        <thead className="bg-stone-50 text-xs uppercase text-stone-600">
          <tr>
            {headings.map((heading, index) => (
              <th key={index} className="px-3 py-2">
                {heading}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className={`divide-y divide-stone-200${alignRowsTop ? ' align-top' : ''}`}>{children}</tbody>
      </table>
    </div>
  );
}
