import 'server-only';
import { and, asc, desc, eq, exists, ilike, inArray, or, type SQL, sql } from 'drizzle-orm';
import { casePeople, cases, publicationRequests } from '@/db/schema';
import { defineOperation } from '@/lib/operations/define-operation';
import { type OperationResult, succeeded } from '@/lib/operations/result';
import { readCaseRules } from './case-rules';
import { caseListFilterSchema } from './schemas';
import type { CaseLifecycle, CustodyStatus, PublicityMode, UrgencyLevel } from './vocabulary';

export type ReviewReason = 'reviewDatePassed' | 'noRecentUpdate';

export interface ConsoleCase {
  id: string;
  slug: string;
  title: string;
  urgency: UrgencyLevel;
  lifecycle: CaseLifecycle;
  publicityMode: PublicityMode;
  nextReviewOn: string | null;
  updatedAt: string;
  people: { alias: string; custodyStatus: CustodyStatus }[];
  reviewReasons: ReviewReason[];
  pendingPublications: number;
}

/** The review flags of a case, as SQL: its review date has passed, or nothing changed for too long. Archived cases are not reviewed. */
function reviewFlags(reviewAfterDays: number) {
  const active = sql`${cases.lifecycle} <> 'archived'`;
  return {
    reviewDatePassed: sql<boolean>`(${active} and ${cases.nextReviewOn} is not null and ${cases.nextReviewOn} < current_date)`,
    noRecentUpdate: sql<boolean>`(${active} and ${cases.updatedAt} < now() - make_interval(days => ${reviewAfterDays}))`,
  };
}

function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (character) => `\\${character}`);
}

export interface CaseList {
  cases: ConsoleCase[];
  /** The quiet days after which a case is flagged for review (the case rules'). */
  reviewAfterDays: number;
}

/**
 * The advocate console's case list, filtered; most urgent first, then most recently changed. With
 * `reviewDue`, the console home's reminder: the cases whose review date passed or that nobody updated for a while.
 */
export const listCases = defineOperation({
  name: 'cases.list',
  input: caseListFilterSchema,
  writes: false,
  changesPublicView: false,
  async run({ db }, filter): Promise<OperationResult<CaseList>> {
    const rules = await readCaseRules(db);
    const flags = reviewFlags(rules.reviewAfterDays);
    const conditions: (SQL | undefined)[] = [];
    if (filter.q) {
      const pattern = `%${escapeLike(filter.q)}%`;
      conditions.push(
        or(
          ilike(cases.title, pattern),
          ilike(cases.slug, pattern),
          ilike(cases.publicSummary, pattern),
          exists(db.select({ one: sql`1` }).from(casePeople).where(and(eq(casePeople.caseId, cases.id), ilike(casePeople.publicAlias, pattern)))),
        ),
      );
    }
    if (filter.custodyStatus) {
      conditions.push(
        exists(db.select({ one: sql`1` }).from(casePeople).where(and(eq(casePeople.caseId, cases.id), eq(casePeople.custodyStatus, filter.custodyStatus)))),
      );
    }
    if (filter.urgency) conditions.push(eq(cases.urgency, filter.urgency));
    if (filter.publicityMode) conditions.push(eq(cases.publicityMode, filter.publicityMode));
    if (filter.lifecycle) conditions.push(eq(cases.lifecycle, filter.lifecycle));
    if (filter.reviewDue) conditions.push(or(flags.reviewDatePassed, flags.noRecentUpdate));

    const rows = await db
      .select({
        id: cases.id,
        slug: cases.slug,
        title: cases.title,
        urgency: cases.urgency,
        lifecycle: cases.lifecycle,
        publicityMode: cases.publicityMode,
        nextReviewOn: cases.nextReviewOn,
        updatedAt: cases.updatedAt,
        reviewDatePassed: flags.reviewDatePassed,
        noRecentUpdate: flags.noRecentUpdate,
        pendingPublications: sql<number>`(select count(*) from ${publicationRequests} where ${publicationRequests.caseId} = ${cases.id} and ${publicationRequests.status} = 'pending')`.mapWith(Number),
      })
      .from(cases)
      .where(and(...conditions))
      .orderBy(sql`array_position(array['critical','high','moderate','low']::text[], ${cases.urgency}::text)`, desc(cases.updatedAt));
    const people = rows.length
      ? await db
          .select({ caseId: casePeople.caseId, alias: casePeople.publicAlias, custodyStatus: casePeople.custodyStatus })
          .from(casePeople)
          .where(inArray(casePeople.caseId, rows.map((row) => row.id)))
          .orderBy(asc(casePeople.displayOrder), asc(casePeople.createdAt))
      : [];
    return succeeded({
      reviewAfterDays: rules.reviewAfterDays,
      cases: rows.map(({ reviewDatePassed, noRecentUpdate, updatedAt, ...row }) => ({
        ...row,
        updatedAt: new Date(updatedAt).toISOString(),
        people: people.filter((person) => person.caseId === row.id).map(({ alias, custodyStatus }) => ({ alias, custodyStatus })),
        reviewReasons: [...(reviewDatePassed ? (['reviewDatePassed'] as const) : []), ...(noRecentUpdate ? (['noRecentUpdate'] as const) : [])],
      })),
    });
  },
});
