/** The letters desk: recent batches with their letters, and each target's response record. */
import 'server-only';
import { asc, desc, eq, inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import { cases, letterBatches, letters, letterTargets, timelineEvents } from '@/db/schema';
import { publishedEvents } from '@/lib/cases/public-queries';
import { defineOperation } from '@/lib/operations/define-operation';
import { type OperationResult, succeeded } from '@/lib/operations/result';
import type { LetterLanguage } from '@/lib/targets/vocabulary';
import { loadActiveTargets } from './active-targets';
import type { TargetSnapshot } from './printable-letter';
import { loadTemplates } from './template-queries';
import type { TemplateRecord } from './template-record';
import type { LetterStatus, PaperSize, SendChannel } from './vocabulary';

export interface LetterRow {
  id: string;
  targetKey: string;
  targetName: string;
  language: LetterLanguage;
  status: LetterStatus;
  sentVia: SendChannel | null;
  sentOn: string | null;
  deliveredOn: string | null;
  repliedOn: string | null;
  closedOn: string | null;
  replyNote: string;
  sha256: string;
  /** Its latest timeline event: public, or waiting for a second approval. */
  timeline: 'public' | 'pending' | null;
}

export interface BatchRow {
  id: string;
  caseTitle: string;
  templateVersion: number;
  paper: PaperSize;
  createdAt: string;
  letters: LetterRow[];
}

export interface TargetResponseRecord {
  targetId: string;
  nameEn: string;
  hostCountry: string;
  sent: number;
  delivered: number;
  replied: number;
  noReply: number;
  lastRepliedOn: string | null;
}

export interface LettersDesk {
  batches: BatchRow[];
  responses: TargetResponseRecord[];
  /** What a new batch can be made from: the organizers' templates and the active targets. */
  templates: TemplateRecord[];
  targets: { id: string; nameEn: string; city: string }[];
}

const RECENT_BATCHES = 20;

export const listLetters = defineOperation({
  name: 'letters.list',
  input: z.object({}),
  writes: false,
  changesPublicView: false,
  async run({ db }): Promise<OperationResult<LettersDesk>> {
    const batches = await db
      .select({ id: letterBatches.id, caseTitle: cases.title, templateVersion: letterBatches.templateVersion, paper: letterBatches.paper, createdAt: letterBatches.createdAt })
      .from(letterBatches)
      .innerJoin(cases, eq(cases.id, letterBatches.caseId))
      .orderBy(desc(letterBatches.createdAt))
      .limit(RECENT_BATCHES);
    const letterRows = batches.length
      ? await db
          .select()
          .from(letters)
          .where(inArray(letters.batchId, batches.map((batch) => batch.id)))
          .orderBy(asc(letters.position))
      : [];
    const eventIds = letterRows.flatMap((letter) => [letter.sentEventId, letter.replyEventId]).filter((id): id is string => Boolean(id));
    // An event on the case's published timeline is public; one still waiting for its publication is pending.
    const published = await publishedEvents(db, eventIds);
    const eventVisibility = new Map(
      (eventIds.length ? await db.select({ id: timelineEvents.id }).from(timelineEvents).where(inArray(timelineEvents.id, eventIds)) : []).map(
        (event) => [event.id, published.has(event.id) ? 'public' : 'pending'],
      ),
    );
    const responses = await db
      .select({
        targetId: letterTargets.id,
        nameEn: letterTargets.nameEn,
        hostCountry: letterTargets.hostCountry,
        sent: sql<number>`count(*) filter (where ${letters.status} <> 'generated')`.mapWith(Number),
        delivered: sql<number>`count(*) filter (where ${letters.deliveredOn} is not null or ${letters.status} = 'delivered')`.mapWith(Number),
        replied: sql<number>`count(*) filter (where ${letters.status} = 'replied')`.mapWith(Number),
        noReply: sql<number>`count(*) filter (where ${letters.status} = 'no_reply')`.mapWith(Number),
        lastRepliedOn: sql<string | null>`max(${letters.repliedOn})::text`,
      })
      .from(letters)
      .innerJoin(letterTargets, eq(letterTargets.id, letters.targetId))
      .groupBy(letterTargets.id, letterTargets.nameEn, letterTargets.hostCountry)
      .orderBy(asc(letterTargets.hostCountry), asc(letterTargets.nameEn));
    const templates = (await loadTemplates(db)).filter((template) => template.purpose === 'organizer');
    const targets = (await loadActiveTargets(db)).map(({ id, nameEn, city }) => ({ id, nameEn, city }));
    return succeeded({
      templates,
      targets,
      batches: batches.map((batch) => ({
        ...batch,
        createdAt: batch.createdAt.toISOString(),
        letters: letterRows
          .filter((letter) => letter.batchId === batch.id)
          .map((letter) => {
            const target = letter.targetSnapshot as TargetSnapshot;
            return {
              id: letter.id,
              targetKey: target.key,
              targetName: target.nameEn,
              language: letter.language,
              status: letter.status,
              sentVia: letter.sentVia,
              sentOn: letter.sentOn,
              deliveredOn: letter.deliveredOn,
              repliedOn: letter.repliedOn,
              closedOn: letter.closedOn,
              replyNote: letter.replyNote,
              sha256: letter.sha256,
              timeline: timelineState(eventVisibility.get(letter.replyEventId ?? letter.sentEventId ?? '')),
            };
          }),
      })),
      responses,
    });
  },
});

function timelineState(state: string | undefined): LetterRow['timeline'] {
  if (!state) return null;
  return state === 'public' ? 'public' : 'pending';
}
