import 'server-only';
import { defineOperation } from '@/lib/operations/define-operation';
import { revalidatePublicCases } from './public-cache';
import { createEventSchema } from './schemas';
import { writeEvent } from './write-event';

/** Adds an event to a case's timeline; asking for it to be public goes through the publication gate. */
export const createEvent = defineOperation({
  name: 'events.create',
  input: createEventSchema,
  writes: true,
  // Only by asking for publication where the case rules require no second approval.
  changesPublicView: true,
  run: ({ tx, actor }, fields) => writeEvent(tx, actor, fields, null),
  afterCommit: ({ publication }) => {
    if (publication === 'published') revalidatePublicCases();
  },
});
