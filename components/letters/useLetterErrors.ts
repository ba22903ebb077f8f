'use client';

import { useTranslations } from 'next-intl';
import type { FieldValues, UseFormReturn } from 'react-hook-form';
import type { ActionState } from '@/lib/operations/result';
import { readTemplateProblemKey, type TemplateProblem } from '@/lib/letters/template-language';

/**
 * Field errors of the letters forms in words, from "letters.errors": a template problem names the
 * merge field with its line and column; a CSV problem names the line and column of the file.
 */
export function useLetterErrors<T extends FieldValues, V>(form: UseFormReturn<T>, state: ActionState<V>) {
  const describe = useDescribeLetterError();
  return (field: string): string | undefined => {
    const key = (form.formState.errors as Record<string, { message?: string } | undefined>)[field]?.message ?? state.errors?.[field];
    return key ? describe(key) : undefined;
  };
}

function useDescribeLetterError() {
  const t = useTranslations('letters.errors');
  return (key: string): string => {
    const problem = readTemplateProblemKey(key);
    if (problem) return describeTemplateProblem(t, problem);
    if (key.startsWith('csvProblem:')) {
      const [, kind = '', line = '', column = '', reason = ''] = key.split(':');
      const reasonText = reason && t.has(reason) ? t(reason) : reason;
      return t.has(`csvProblem.${kind}`) ? t(`csvProblem.${kind}`, { line, column, reason: reasonText }) : key;
    }
    return t.has(key) ? t(key) : key;
  };
}

export function describeTemplateProblem(t: ReturnType<typeof useTranslations<'letters.errors'>>, problem: TemplateProblem): string {
  return t(`templateProblem.${problem.code}`, { line: problem.line, column: problem.column, field: 'field' in problem ? problem.field : '' });
}
