import 'server-only';
import { getDb } from '@/db/client';
import type { OperationResult } from '@/lib/operations/result';
import { authorize } from '@/lib/auth/authorize';
import type { StaffSession } from '@/lib/auth/staff-session';
import { actorOf } from '@/lib/audit/record-audit';
import { revalidatePublicCases } from './public-cache';
import { createEventSchema, type EventFieldsInput } from './schemas';
import { type EventWriteResult, publicationRefusedAsFieldError, writeEvent } from './write-event';

/** Adds an event to a case's timeline; asking for it to be public goes through the publication gate. */
export async function createEvent(session: StaffSession | null, input: EventFieldsInput): Promise<OperationResult<EventWriteResult>> {
  const actor = await authorize(session, 'events.create');
  const fields = createEventSchema.parse(input);
  const db = await getDb();
  const result = await db
    .transaction((tx) => writeEvent(tx, actorOf(actor), fields, null))
    .catch(publicationRefusedAsFieldError);
  if (result.ok) revalidatePublicCases();
  return result;
}
