'use server';

import { generateLetterBatch } from '@/lib/letters/generate-letter-batch';
import { trackLetter } from '@/lib/letters/track-letter';
import { toAction } from '@/lib/operations/adapters';

export const generateBatchAction = toAction(generateLetterBatch);
export const trackLetterAction = toAction(trackLetter);
