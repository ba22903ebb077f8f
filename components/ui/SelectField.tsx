import type { ComponentProps, ReactNode } from 'react';

/** A labelled select with the error that belongs to it (the select twin of Field). */
export function SelectField({
  label,
  error,
  id,
  options,
  ...select
}: { label: ReactNode; error?: string; id: string; options: { value: string; label: string }[] } & ComponentProps<'select'>) {
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      <select
        id={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        className="block w-full rounded border border-stone-300 bg-white px-3 py-2 text-sm aria-[invalid]:border-red-600"
        {...select}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      {error ? (
        <p id={`${id}-error`} role="alert" className="text-sm text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}
