import type { ComponentProps, ReactNode } from 'react';

/** A labelled multi-line text box with its help and error (the textarea twin of Field). */
export function TextAreaField({
  label,
  help,
  error,
  id,
  ...textarea
}: { label: ReactNode; help?: ReactNode; error?: string; id: string } & ComponentProps<'textarea'>) {
  const describedBy = [help ? `${id}-help` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      <textarea
        id={id}
        rows={3}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        className="block w-full rounded border border-stone-300 bg-white px-3 py-2 text-sm aria-[invalid]:border-red-600"
        {...textarea}
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
