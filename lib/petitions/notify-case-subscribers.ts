/**
 * Signers who asked for updates hear when a case's public timeline changes: one mail each (however
 * many of the case's petitions they signed), in their language, with their withdrawal link. Runs in
 * the caller's transaction, so the mails are queued exactly when the change commits. Nothing is sent
 * for a case the public cannot see.
 *
 * Call it from every write that adds or changes a public event of a case, e.g. in lib/cases after a
 * public event is created, corrected or retracted, and here when a petition is delivered.
 */
import 'server-only';
import { and, asc, eq, isNotNull, isNull } from 'drizzle-orm';
import { cases, mailOutbox, petitions, petitionSignatures } from '@/db/schema';
import type { Transaction } from '@/db/client';
import { caseIsPublic } from '@/lib/cases/public-queries';
import { outboxRow } from '@/lib/mail/enqueue-mail';
import { caseUpdateMail } from './petition-mail';

export interface CaseUpdate {
  /** One line on what changed, as the public timeline says it (e.g. the new event's title). */
  headline: string;
  /** The site's origin, for the links; by default NEXTAUTH_URL's (the site's public address). */
  origin?: string;
}

function configuredOrigin(): string | null {
  try {
    return process.env.NEXTAUTH_URL ? new URL(process.env.NEXTAUTH_URL).origin : null;
  } catch {
    return null;
  }
}

const BATCH = 500;

export async function notifyCaseSubscribers(tx: Transaction, caseId: string, update: CaseUpdate): Promise<number> {
  const origin = update.origin ?? configuredOrigin();
  if (!origin) {
    console.warn('[vigil] case update not mailed: set NEXTAUTH_URL to the site address so the mails can carry links');
    return 0;
  }
  const [publicCase] = await tx.select({ slug: cases.slug, title: cases.title }).from(cases).where(and(eq(cases.id, caseId), caseIsPublic));
  if (!publicCase) return 0;
  const subscribers = await tx
    .selectDistinctOn([petitionSignatures.emailNormalised], {
      signatureId: petitionSignatures.id,
      email: petitionSignatures.email,
      locale: petitionSignatures.locale,
    })
    .from(petitionSignatures)
    .innerJoin(petitions, eq(petitions.id, petitionSignatures.petitionId))
    .where(
      and(
        eq(petitions.caseId, caseId),
        eq(petitionSignatures.wantsUpdates, true),
        isNotNull(petitionSignatures.confirmedAt),
        isNull(petitionSignatures.invalidationId),
        isNotNull(petitionSignatures.email),
      ),
    )
    .orderBy(asc(petitionSignatures.emailNormalised), asc(petitionSignatures.confirmedAt));
  const mails = subscribers.map((subscriber) =>
    caseUpdateMail(
      { signatureId: subscriber.signatureId, email: subscriber.email!, locale: subscriber.locale },
      { caseTitle: publicCase.title, caseSlug: publicCase.slug, headline: update.headline },
      origin,
    ),
  );
  for (let start = 0; start < mails.length; start += BATCH) {
    await tx.insert(mailOutbox).values(mails.slice(start, start + BATCH).map(outboxRow));
  }
  return mails.length;
}
