'use server';

import type { ActionState } from '@/lib/operations/result';
import { staffAction } from '@/lib/actions/staff-action';
import { type GeneratedBatch, generateLetterBatch } from '@/lib/letters/generate-letter-batch';
import { generateBatchSchema, trackLetterSchema } from '@/lib/letters/schemas';
import { type TrackedLetter, trackLetter } from '@/lib/letters/track-letter';

const generateHandler = staffAction(generateBatchSchema, (session, input) => generateLetterBatch(session, input));
const trackHandler = staffAction(trackLetterSchema, trackLetter);

export async function generateBatchAction(state: ActionState<GeneratedBatch>, formData: FormData) {
  return generateHandler(state, formData);
}

export async function trackLetterAction(state: ActionState<TrackedLetter>, formData: FormData) {
  return trackHandler(state, formData);
}
