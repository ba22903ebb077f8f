import type { ComponentProps, ReactNode } from 'react';
import { FieldFrame } from './FieldFrame';

/** A labelled select with its help and the error that belongs to it. */
export function SelectField({
  label,
  help,
  error,
  id,
  options,
  ...select
}: { label: ReactNode; help?: ReactNode; error?: string; id: string; options: { value: string; label: string }[] } & ComponentProps<'select'>) {
  return (
    <FieldFrame id={id} label={label} help={help} error={error}>
      {(control) => (
        <select {...control} {...select}>
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </FieldFrame>
  );
}
