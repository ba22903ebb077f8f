/**
 * A signer stops news mails and keeps their signature (public, no session): the link in every mail
 * to a signer, and the List-Unsubscribe one-click POST of RFC 8058. News stops for every signature
 * of that address, since news mails go once per address. Opening the page only shows a button.
 */
import 'server-only';
import { and, eq, isNotNull, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { cases, petitions, petitionSignatures, publicSnapshots } from '@/db/schema';
import { joinPublishedSnapshot } from '@/lib/cases/public-queries';
import { signatureIdFromNewsUnsubscribeToken } from './petition-mail';

export interface NewsSubscriptionView {
  state: 'subscribed' | 'stopped' | 'invalid';
  caseTitle: string | null;
  petitionSlug: string | null;
}

const INVALID: NewsSubscriptionView = { state: 'invalid', caseTitle: null, petitionSlug: null };

export async function getNewsSubscription(token: string): Promise<NewsSubscriptionView> {
  const signatureId = signatureIdFromNewsUnsubscribeToken(token);
  if (!signatureId) return INVALID;
  const db = await getDb();
  const [row] = await db
    // The case's published title: a signer never reads the staff's working copy (null once the case is down).
    .select({ wantsUpdates: petitionSignatures.wantsUpdates, caseTitle: publicSnapshots.title, petitionSlug: petitions.slug })
    .from(petitionSignatures)
    .innerJoin(petitions, eq(petitions.id, petitionSignatures.petitionId))
    .innerJoin(cases, eq(cases.id, petitions.caseId))
    .leftJoin(publicSnapshots, joinPublishedSnapshot)
    .where(eq(petitionSignatures.id, signatureId));
  if (!row) return INVALID;
  return { state: row.wantsUpdates ? 'subscribed' : 'stopped', caseTitle: row.caseTitle, petitionSlug: row.petitionSlug };
}

export async function stopNews(token: string): Promise<NewsSubscriptionView> {
  const signatureId = signatureIdFromNewsUnsubscribeToken(token);
  if (!signatureId) return INVALID;
  const db = await getDb();
  const [signature] = await db
    .select({ emailNormalised: petitionSignatures.emailNormalised })
    .from(petitionSignatures)
    .where(eq(petitionSignatures.id, signatureId));
  if (!signature) return INVALID;
  await db
    .update(petitionSignatures)
    .set({ wantsUpdates: false, updatedAt: sql`now()` })
    .where(
      signature.emailNormalised
        ? and(isNotNull(petitionSignatures.emailNormalised), eq(petitionSignatures.emailNormalised, signature.emailNormalised))
        : eq(petitionSignatures.id, signatureId),
    );
  return getNewsSubscription(token);
}
