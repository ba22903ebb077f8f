/** Paper sizes a document can be set on (the database enum): plain values that forms in the browser may import too. */
import { paperSize } from '@/db/schema/enums';

export const PAPER_SIZES = paperSize.enumValues;
export type PaperSize = (typeof PAPER_SIZES)[number];

/** Sizes of the rally kit: A4 and A3 posters, the A6 flyer. */
export const POSTER_SIZES = ['a4', 'a3', 'a6'] as const;
export type PosterSize = (typeof POSTER_SIZES)[number];
