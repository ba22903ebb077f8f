import type { ComponentProps, ReactNode } from 'react';

/** A labelled input with its help text and the error that belongs to it. */
export function Field({
  label,
  help,
  error,
  id,
  ...input
}: { label: ReactNode; help?: ReactNode; error?: string; id: string } & ComponentProps<'input'>) {
  const describedBy = [help ? `${id}-help` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      <input
        id={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        className="block w-full rounded border border-stone-300 bg-white px-3 py-2 text-sm focus:border-vigil focus:outline-none focus:ring-1 focus:ring-vigil aria-[invalid]:border-red-600"
        {...input}
      />
      {help ? (
        <p id={`${id}-help`} className="text-xs text-stone-600">
          {help}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} role="alert" className="text-sm text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}
