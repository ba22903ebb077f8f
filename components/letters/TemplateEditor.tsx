'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { useActionForm } from '@/components/forms/useActionForm';
import { Button } from '@/components/ui/Button';
import { Field } from '@/components/ui/Field';
import { SelectField } from '@/components/ui/SelectField';
import { TextAreaField } from '@/components/ui/TextAreaField';
import { Notice } from '@/components/ui/Notice';
import type { ActionState } from '@/lib/operations/result';
import { createTemplateSchema, updateTemplateSchema } from '@/lib/letters/schemas';
import type { TemplateRecord } from '@/lib/letters/template-record';
import { LETTER_LANGUAGES, type LetterLanguage } from '@/lib/targets/vocabulary';
import { TEMPLATE_PURPOSES } from '@/lib/letters/vocabulary';
import { addressNameFor, estimatedLines, MERGE_FIELDS, ONE_PAGE_BODY_LINES, renderTemplate } from '@/lib/letters/template-language';
import { describeTemplateProblem, useLetterErrors } from './useLetterErrors';

export interface PreviewCase {
  slug: string;
  title: string;
  /** The public values a letter would carry, per letter language. */
  values: Record<LetterLanguage, { personAlias: string; personStatus: string; petitionConfirmed: string }>;
}

export interface PreviewTarget {
  id: string;
  nameEn: string;
  nameLocal: string;
  nameZh: string;
  hostCountry: string;
  addressLines: string;
  salutations: Record<LetterLanguage, string>;
}

type Saved = { templateId: string };
type Action = (state: ActionState<Saved>, formData: FormData) => Promise<ActionState<Saved>>;

// The sender block, date, address block and signature take about this many body lines.
const FRAME_LINES = 14;

export function TemplateEditor({
  action,
  template,
  cases,
  targets,
  today,
}: {
  action: Action;
  template?: TemplateRecord;
  cases: PreviewCase[];
  targets: PreviewTarget[];
  today: Record<LetterLanguage, string>;
}) {
  const t = useTranslations('letters');
  const tErrors = useTranslations('letters.errors');
  const defaults = {
    caseSlug: template?.caseSlug ?? cases[0]?.slug ?? '',
    name: template?.name ?? '',
    purpose: template?.purpose ?? 'organizer',
    language: template?.language ?? 'en',
    body: template?.body ?? '{{target.salutation}}\n\n',
    ...(template ? { templateId: template.id } : {}),
  };
  const { form, field, state, pending, onSubmit, message } = useActionForm(template ? updateTemplateSchema : createTemplateSchema, action, defaults);
  const errorFor = useLetterErrors(form, state);
  const [previewTargetId, setPreviewTargetId] = useState(targets[0]?.id ?? '');
  const [senderName, setSenderName] = useState('');
  const [body, language, caseSlug] = form.watch(['body', 'language', 'caseSlug']) as [string, LetterLanguage, string];
  const previewCase = cases.find((item) => item.slug === caseSlug);
  const target = targets.find((item) => item.id === previewTargetId);
  const values = previewCase?.values[language];
  const rendered = renderTemplate(body ?? '', {
    'target.salutation': target?.salutations[language] ?? '',
    'target.name': target ? addressNameFor(target, language) : '',
    'case.title': previewCase?.title ?? '',
    'person.alias': values?.personAlias ?? '',
    'person.status': values?.personStatus ?? '',
    'petition.confirmed': values?.petitionConfirmed ?? '',
    today: today[language],
    'sender.name': senderName,
    'sender.organisation': '',
  });
  const lines = rendered.ok ? estimatedLines(rendered.text) + FRAME_LINES : 0;
  const maxLines = ONE_PAGE_BODY_LINES.a4 + FRAME_LINES;
  const prefix = template ? `template-${template.id}` : 'template-new';
  const bodyError = errorFor('body');
  return (
    <form onSubmit={onSubmit} noValidate className="grid gap-6 lg:grid-cols-2">
      <div className="space-y-4">
        {message ? <Notice tone={state.ok ? 'success' : 'error'}>{message}</Notice> : null}
        {template ? <input type="hidden" {...field('templateId')} /> : null}
        <Field id={`${prefix}-name`} label={t('templates.fields.name')} error={errorFor('name')} {...form.register('name')} />
        <SelectField
          id={`${prefix}-case`}
          label={t('templates.fields.caseSlug')}
          help={t('templates.fields.caseHelp')}
          error={errorFor('caseSlug')}
          options={cases.map((item) => ({ value: item.slug, label: item.title }))}
          {...form.register('caseSlug')}
        />
        <div className="grid gap-4 sm:grid-cols-2">
          <SelectField
            id={`${prefix}-purpose`}
            label={t('templates.fields.purpose')}
            error={errorFor('purpose')}
            options={TEMPLATE_PURPOSES.map((purpose) => ({ value: purpose, label: t(`purposes.${purpose}`) }))}
            {...form.register('purpose')}
          />
          <SelectField
            id={`${prefix}-language`}
            label={t('templates.fields.language')}
            options={LETTER_LANGUAGES.map((item) => ({ value: item, label: t(`languages.${item}`) }))}
            {...form.register('language')}
          />
        </div>
        <TextAreaField id={`${prefix}-body`} rows={16} spellCheck label={t('templates.fields.body')} error={bodyError} {...form.register('body')} />
        <div>
          <h3 className="text-sm font-medium">{t('templates.fieldsTitle')}</h3>
          <p className="mt-1 flex flex-wrap gap-2">
            {MERGE_FIELDS.map((field) => (
              <code key={field} className="rounded bg-stone-100 px-1.5 py-0.5 text-xs">{`{{${field}}}`}</code>
            ))}
          </p>
        </div>
        <Button type="submit" disabled={pending}>
          {t('templates.save')}
        </Button>
      </div>
      <section aria-labelledby={`${prefix}-preview`} className="space-y-3">
        <h3 id={`${prefix}-preview`} className="text-lg font-semibold">
          {t('templates.previewTitle')}
        </h3>
        <div className="grid gap-3 sm:grid-cols-2">
          <SelectField
            id={`${prefix}-preview-target`}
            label={t('templates.previewTarget')}
            value={previewTargetId}
            onChange={(event) => setPreviewTargetId(event.target.value)}
            options={targets.map((item) => ({ value: item.id, label: item.nameEn }))}
          />
          <Field id={`${prefix}-preview-sender`} label={t('templates.previewSender')} value={senderName} onChange={(event) => setSenderName(event.target.value)} />
        </div>
        {rendered.ok ? (
          <Notice tone={lines <= maxLines ? 'success' : 'warning'}>
            {lines <= maxLines ? t('templates.onePageOk', { lines, max: maxLines }) : t('templates.onePageOver', { lines, max: maxLines })}
          </Notice>
        ) : (
          <Notice tone="error">{describeTemplateProblem(tErrors, rendered.problem)}</Notice>
        )}
        <article data-testid="letter-preview" lang={language} className="min-h-96 whitespace-pre-wrap rounded border border-stone-300 bg-white p-6 text-sm leading-relaxed shadow-sm">
          {target ? (
            <div className="mb-6 whitespace-pre-line text-stone-700">{[addressNameFor(target, language), target.addressLines].join('\n')}</div>
          ) : null}
          {rendered.ok ? rendered.text : null}
        </article>
        <p className="text-xs text-stone-600">{t('templates.previewNote')}</p>
      </section>
    </form>
  );
}
