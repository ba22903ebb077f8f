'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslations } from 'next-intl';
import { type FormEvent, startTransition, useActionState } from 'react';
import { type DefaultValues, type FieldValues, type Path, type PathValue, useForm } from 'react-hook-form';
import type { z } from 'zod';
import type { ActionState } from '@/lib/operations/result';

/**
 * A form checked in the browser with the operation's zod schema, then posted to its server action,
 * which checks again. Errors from either side appear at the field; keys come from "<namespace>.errors"
 * and messages from "<namespace>.messages" (the catalog of the area the form belongs to).
 */
export function useActionForm<Input extends FieldValues, Output extends FieldValues, T>(
  schema: z.ZodType<Output, Input>,
  action: (state: ActionState<T>, formData: FormData) => Promise<ActionState<T>>,
  /** The form's first values; forms that list their fields as data name them at run time. */
  defaultValues?: DefaultValues<Input> | Record<string, unknown>,
  namespace: 'staff' | 'advocacy' | 'petitionConsole' = 'staff',
) {
  const t = useTranslations(namespace);
  const [state, formAction, pending] = useActionState(action, { ok: false });
  const form = useForm<Input, unknown, Output>({ resolver: zodResolver(schema), defaultValues: defaultValues as DefaultValues<Input> });
  // Fields named at run time (lists of fields described as data, the hidden id of an edit form): the
  // schema checks them, in the browser and again on the server, whatever their static type says.
  const field = (name: string) => form.register(name as Path<Input>);
  const setField = (name: string, value: string) =>
    form.setValue(name as Path<Input>, value as PathValue<Input, Path<Input>>, { shouldValidate: form.formState.isSubmitted });
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    const formElement = event.currentTarget;
    void form.handleSubmit(() => {
      // The form's own fields (hidden ones included) go to the server, which parses them again.
      const formData = new FormData(formElement);
      startTransition(() => formAction(formData));
    })(event);
  };
  const errorFor = (field: string): string | undefined => {
    const key = (form.formState.errors as Record<string, { message?: string } | undefined>)[field]?.message ?? state.errors?.[field];
    return key ? (t.has(`errors.${key}`) ? t(`errors.${key}`) : key) : undefined;
  };
  const message = state.message
    ? t(`messages.${state.message}` as 'messages.saved', { reference: state.reference ?? '' })
    : undefined;
  return { form, field, setField, state, pending, onSubmit, errorFor, message };
}
