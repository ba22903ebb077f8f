/**
 * Generates one letter per chosen target from a template and stores each unchanged: its rendered
 * text, the template version, a copy of the target's details and the SHA-256 of both. Only public case
 * data (case-merge-context.ts) can reach a letter. Letters that would not fit on one page are named.
 */
import 'server-only';
import { createHash } from 'node:crypto';
import { and, asc, eq, inArray, type SQL } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { cases, letterBatches, letters, letterTargets, letterTemplates } from '@/db/schema';
import { defineOperation } from '@/lib/operations/define-operation';
import { fieldError, type OperationResult, succeeded } from '@/lib/operations/result';
import type { LetterLanguage } from '@/lib/targets/vocabulary';
import { loadCaseMergeContext, mergeValues } from './case-merge-context';
import { printableLetter, type TargetSnapshot } from './printable-letter';
import { renderLettersPdf } from './render-letters-pdf';
import { type GenerateBatch, generateBatchSchema } from './schemas';
import { renderTemplate } from './template-language';

export interface GeneratedBatch {
  batchId: string;
  letterCount: number;
  /** Keys of targets whose letter runs past one page. */
  overflowing: string[];
}

/** SHA-256 over the text and the target copy, keys sorted: jsonb gives the copy back in its own key order. */
export function letterHash(renderedText: string, target: TargetSnapshot): string {
  const canonicalTarget = Object.fromEntries(Object.entries(target).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return createHash('sha256').update(JSON.stringify({ renderedText, target: canonicalTarget })).digest('hex');
}

function salutationFor(target: { salutationEn: string; salutationKo: string; salutationZh: string }, language: LetterLanguage): string {
  return language === 'ko' ? target.salutationKo : language === 'zh' ? target.salutationZh : target.salutationEn;
}

/** The letters of a batch, rendered and measured before the transaction that stores them. */
async function draftBatch(db: Database, batch: GenerateBatch, today: string) {
  const [template] = await db
    .select({ id: letterTemplates.id, body: letterTemplates.body, version: letterTemplates.version, language: letterTemplates.language, purpose: letterTemplates.purpose, caseSlug: cases.slug })
    .from(letterTemplates)
    .innerJoin(cases, eq(cases.id, letterTemplates.caseId))
    .where(eq(letterTemplates.id, batch.templateId))
    .limit(1);
  if (!template || template.purpose !== 'organizer') return fieldError('templateId', 'recordInvalid');
  const context = await loadCaseMergeContext(template.caseSlug);
  if (!context) return fieldError('templateId', 'caseNotPublic');

  const conditions: SQL[] = [eq(letterTargets.status, 'active')];
  if (batch.selection === 'kind') conditions.push(eq(letterTargets.kind, batch.kind as 'embassy'));
  if (batch.selection === 'country') conditions.push(eq(letterTargets.hostCountry, batch.hostCountry));
  if (batch.selection === 'picked') conditions.push(inArray(letterTargets.id, batch.targetIds));
  const targets = await db.select().from(letterTargets).where(and(...conditions)).orderBy(asc(letterTargets.hostCountry), asc(letterTargets.nameEn));
  if (targets.length === 0) return fieldError('selection', 'noTargets');

  const sender = { name: batch.senderName, organisation: batch.senderOrganisation };
  const language = template.language;
  const drafts = targets.map((target, position) => {
    const snapshot: TargetSnapshot = {
      key: target.key,
      kind: target.kind,
      nameEn: target.nameEn,
      nameLocal: target.nameLocal,
      nameZh: target.nameZh,
      hostCountry: target.hostCountry,
      city: target.city,
      addressLines: target.addressLines,
      email: target.email,
      fax: target.fax,
      salutation: salutationFor(target, language),
    };
    const rendered = renderTemplate(template.body, mergeValues(context, snapshot, language, sender, today));
    // The template was checked when saved; a problem here means it was changed outside Vigil.
    if (!rendered.ok) throw new Error(`Template ${template.id} no longer parses`);
    return { targetId: target.id, snapshot, renderedText: rendered.text, sha256: letterHash(rendered.text, snapshot), position };
  });

  const { pagesPerLetter } = await renderLettersPdf(
    drafts.map((draft) => printableLetter({ language, renderedText: draft.renderedText, targetSnapshot: draft.snapshot }, { senderName: sender.name, senderOrganisation: sender.organisation, createdOn: today })),
    batch.paper,
  );
  const overflowing = drafts.filter((_, index) => (pagesPerLetter[index] ?? 1) > 1).map((draft) => draft.snapshot.key);
  return succeeded({ template, caseId: context.caseId, language, drafts, overflowing });
}

export const generateLetterBatch = defineOperation({
  name: 'letters.generate',
  input: generateBatchSchema,
  writes: true,
  changesPublicView: false,
  prepare: ({ db }, batch) => draftBatch(db, batch, new Date().toISOString().slice(0, 10)),
  async run({ tx, actor, audit }, batch, { template, caseId, language, drafts, overflowing }): Promise<OperationResult<GeneratedBatch>> {
    const [created] = await tx
      .insert(letterBatches)
      .values({
        templateId: template.id,
        templateVersion: template.version,
        caseId,
        paper: batch.paper,
        senderName: batch.senderName,
        senderOrganisation: batch.senderOrganisation,
        createdByUserId: actor.userId,
      })
      .returning({ id: letterBatches.id });
    const batchId = created!.id;
    await tx.insert(letters).values(
      drafts.map((draft) => ({
        batchId,
        targetId: draft.targetId,
        caseId,
        templateId: template.id,
        templateVersion: template.version,
        language,
        renderedText: draft.renderedText,
        targetSnapshot: draft.snapshot,
        sha256: draft.sha256,
        position: draft.position,
      })),
    );
    await audit({
      entityType: 'letter_batch',
      entityId: batchId,
      after: { templateId: template.id, templateVersion: template.version, targets: drafts.map((draft) => draft.snapshot.key), paper: batch.paper },
    });
    return succeeded({ batchId, letterCount: drafts.length, overflowing });
  },
});
