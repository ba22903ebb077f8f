import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { GenerateBatchForm } from '@/components/letters/GenerateBatchForm';
import { TrackLetterForm } from '@/components/letters/TrackLetterForm';
import { Forbidden } from '@/components/staff/Forbidden';
import { Badge } from '@/components/ui/Badge';
import { listLetters } from '@/lib/letters/list-letters';
import { NEXT_LETTER_STATUSES } from '@/lib/letters/vocabulary';
import { toPage } from '@/lib/operations/adapters';
import { LettersNav } from './LettersNav';
import { generateBatchAction, trackLetterAction } from './actions';
import { DataTable } from '@/components/ui/DataTable';

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { locale } = await params;
  return { title: (await getTranslations({ locale, namespace: 'letters.meta' }))('desk') };
}

export default async function LettersPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const page = await toPage(locale, listLetters, {});
  if (page.forbidden) return <Forbidden />;
  const t = await getTranslations('letters');
  const desk = page.data;
  const today = new Date().toISOString().slice(0, 10);
  return (
    <div className="space-y-8">
      <LettersNav current="desk" />
      <h1 className="text-2xl font-bold">{t('batches.title')}</h1>
      <section className="rounded border border-stone-200 bg-white p-6 shadow-sm" aria-labelledby="generate">
        <h2 id="generate" className="mb-4 text-lg font-semibold">
          {t('batches.generateTitle')}
        </h2>
        {desk.templates.length === 0 ? (
          <p className="text-stone-600">{t('batches.noTemplates')}</p>
        ) : (
          <GenerateBatchForm
            action={generateBatchAction}
            templates={desk.templates.map((template) => ({
              id: template.id,
              label: `${template.name} · ${t(`languages.${template.language}`)} · ${template.caseTitle} · ${t('templates.version', { version: template.version })}`,
            }))}
            targets={desk.targets.map((target) => ({ id: target.id, label: `${target.nameEn} (${target.city})` }))}
          />
        )}
      </section>
      <section aria-labelledby="recent">
        <h2 id="recent" className="mb-3 text-lg font-semibold">
          {t('batches.recent')}
        </h2>
        {desk.batches.length === 0 ? <p className="text-stone-600">{t('batches.none')}</p> : null}
        <div className="space-y-6">
          {desk.batches.map((batch) => (
            <article key={batch.id} className="rounded border border-stone-200 bg-white shadow-sm" data-testid="letter-batch">
              <header className="flex flex-wrap items-baseline justify-between gap-3 border-b border-stone-200 px-4 py-3">
                <p className="text-sm text-stone-700">
                  {t('batches.batchOf', { case: batch.caseTitle, version: batch.templateVersion, paper: t(`papers.${batch.paper}`), date: batch.createdAt.slice(0, 10) })}
                </p>
                <p className="flex gap-3 text-sm font-medium">
                  {(['pdf', 'docx', 'labels'] as const).map((format) => (
                    <a key={format} href={`/api/letters/batch?id=${batch.id}&format=${format}`} className="text-vigil underline" download>
                      {t(`batches.download.${format}`)}
                    </a>
                  ))}
                </p>
              </header>
              <ul className="divide-y divide-stone-200">
                {batch.letters.map((letter) => (
                  <li key={letter.id} className="grid gap-3 px-4 py-3 text-sm lg:grid-cols-2" data-testid="letter-row">
                    <div className="space-y-1">
                      <p className="font-medium">{letter.targetName}</p>
                      <p className="flex flex-wrap items-center gap-2">
                        <Badge tone={letter.status === 'replied' ? 'success' : letter.status === 'no_reply' ? 'warning' : 'info'}>{t(`statuses.${letter.status}`)}</Badge>
                        <span>{t(`languages.${letter.language}`)}</span>
                        {letter.sentOn ? <span>{t('tracking.sentOn', { date: letter.sentOn })}</span> : null}
                        {letter.deliveredOn ? <span>{t('tracking.deliveredOn', { date: letter.deliveredOn })}</span> : null}
                        {letter.repliedOn ? <span>{t('tracking.repliedOn', { date: letter.repliedOn })}</span> : null}
                        {letter.closedOn ? <span>{t('tracking.closedOn', { date: letter.closedOn })}</span> : null}
                        {letter.timeline === 'public' ? <Badge tone="neutral">{t('tracking.onTimeline')}</Badge> : null}
                        {letter.timeline === 'pending' ? <Badge tone="warning">{t('tracking.pendingOnTimeline')}</Badge> : null}
                      </p>
                      {letter.replyNote ? <p className="whitespace-pre-line text-stone-700">{letter.replyNote}</p> : null}
                      <p className="break-all font-mono text-xs text-stone-500" title={t('batches.columns.hash')}>
                        {letter.sha256}
                      </p>
                    </div>
                    {NEXT_LETTER_STATUSES[letter.status].length > 0 ? (
                      <TrackLetterForm action={trackLetterAction} letterId={letter.id} next={NEXT_LETTER_STATUSES[letter.status]} today={today} />
                    ) : null}
                  </li>
                ))}
              </ul>
            </article>
          ))}
        </div>
      </section>
      <section aria-labelledby="responses">
        <h2 id="responses" className="mb-3 text-lg font-semibold">
          {t('batches.responsesTitle')}
        </h2>
        {desk.responses.length === 0 ? (
          <p className="text-stone-600">{t('batches.responsesNone')}</p>
        ) : (
          <DataTable headings={[t('batches.responseColumns.target'), t('batches.responseColumns.sent'), t('batches.responseColumns.delivered'), t('batches.responseColumns.replied'), t('batches.responseColumns.noReply'), t('batches.responseColumns.lastReply')]}>
                {desk.responses.map((record) => (
                  <tr key={record.targetId}>
                    <td className="px-3 py-2">
                      {record.nameEn} ({record.hostCountry})
                    </td>
                    <td className="px-3 py-2">{record.sent}</td>
                    <td className="px-3 py-2">{record.delivered}</td>
                    <td className="px-3 py-2">{record.replied}</td>
                    <td className="px-3 py-2">{record.noReply}</td>
                    <td className="px-3 py-2">{record.lastRepliedOn ?? '—'}</td>
                  </tr>
                ))}
              </DataTable>
        )}
      </section>
    </div>
  );
}
