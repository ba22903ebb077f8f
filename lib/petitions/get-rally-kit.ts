/**
 * The rally kit as a staff download: a poster or flyer PDF for one petition (render-rally-poster.ts).
 * Offered only for a petition the public can reach, since its QR code leads there; it prints the
 * petition's public projection and nothing else.
 */
import 'server-only';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { petitions } from '@/db/schema';
import type { StaffFile } from '@/lib/http/staff-download';
import { POSTER_SIZES } from '@/lib/pdf/paper';
import { defineOperation } from '@/lib/operations/define-operation';
import { fieldError, missingRecord, succeeded } from '@/lib/operations/result';
import { publicPageUrl } from '@/lib/share/share-metadata';
import { getPublicPetition } from './get-public-petition';
import { renderRallyPoster } from './render-rally-poster';
import { petitionIdSchema } from './schemas';
import { SIGNING_LOCALES } from './vocabulary';

export const rallyKitSchema = petitionIdSchema.extend({
  paper: z.enum(POSTER_SIZES).default('a4'),
  language: z.enum(SIGNING_LOCALES).default('en'),
});

export const getRallyKit = defineOperation({
  name: 'petitions.rallyKit',
  input: rallyKitSchema,
  writes: false,
  changesPublicView: false,
  async run({ db }, { petitionId, paper, language }) {
    const [row] = await db.select({ slug: petitions.slug }).from(petitions).where(eq(petitions.id, petitionId)).limit(1);
    if (!row) return missingRecord('petitionId');
    const petition = await getPublicPetition(row.slug);
    if (!petition) return fieldError('petitionId', 'petitionNotPublic');
    const url = publicPageUrl(language, `/petitions/${petition.slug}`);
    const shortLink = publicPageUrl(language, `/p/${petition.slug}`).replace(/^https?:\/\//, '');
    const body = await renderRallyPoster({ petition, url, shortLink, language, paper });
    return succeeded<StaffFile>({ fileName: `${petition.slug}-${paper === 'a6' ? 'flyer' : 'poster'}-${paper}-${language}.pdf`, contentType: 'application/pdf', body });
  },
});
