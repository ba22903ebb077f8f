import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { TemplateEditor } from '@/components/letters/TemplateEditor';
import { Forbidden } from '@/components/staff/Forbidden';
import { toPage } from '@/lib/operations/adapters';
import { Link } from '@/lib/i18n/navigation';
import { getTemplateWorkspace } from '@/lib/letters/get-template-workspace';
import { LettersNav } from '../LettersNav';
import { createTemplateAction, updateTemplateAction } from './actions';

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { locale } = await params;
  return { title: (await getTranslations({ locale, namespace: 'letters.meta' }))('templates') };
}

export default async function TemplatesPage({ params, searchParams }: { params: Promise<{ locale: string }>; searchParams: Promise<{ edit?: string }> }) {
  const { locale } = await params;
  const { edit } = await searchParams;
  setRequestLocale(locale);
  const page = await toPage(locale, getTemplateWorkspace, {});
  if (page.forbidden) return <Forbidden />;
  const t = await getTranslations('letters');
  const { templates, cases, targets, today } = page.data;
  const editing = templates.find((template) => template.id === edit);
  return (
    <div className="space-y-8">
      <LettersNav current="templates" />
      <h1 className="text-2xl font-bold">{t('templates.title')}</h1>
      <p className="max-w-prose text-sm text-stone-700">{t('templates.intro')}</p>
      <section aria-labelledby="template-list">
        <h2 id="template-list" className="sr-only">
          {t('templates.title')}
        </h2>
        {templates.length === 0 ? (
          <p className="text-stone-600">{t('templates.empty')}</p>
        ) : (
          <ul className="divide-y divide-stone-200 rounded border border-stone-200 bg-white shadow-sm">
            {templates.map((template) => (
              <li key={template.id} className="flex flex-wrap items-baseline justify-between gap-2 px-4 py-3 text-sm">
                <span>
                  <span className="font-medium">{template.name}</span> · {t(`languages.${template.language}`)} · {t(`purposes.${template.purpose}`)} ·{' '}
                  {template.caseTitle} · {t('templates.version', { version: template.version })}
                </span>
                <Link href={`/admin/letters/templates?edit=${template.id}`} className="underline">
                  {t('templates.edit')}
                </Link>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className="rounded border border-stone-200 bg-white p-6 shadow-sm" aria-labelledby="template-editor">
        <h2 id="template-editor" className="mb-4 text-lg font-semibold">
          {editing ? t('templates.editTitle') : t('templates.newTitle')}
        </h2>
        <TemplateEditor
          key={editing?.id ?? 'new'}
          action={editing ? updateTemplateAction : createTemplateAction}
          template={editing}
          cases={cases}
          targets={targets}
          today={today}
        />
      </section>
    </div>
  );
}
