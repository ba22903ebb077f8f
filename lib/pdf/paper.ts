/** Paper sizes a document can be set on (the database enum): plain values that forms in the browser may import too. */
import { paperSize } from '@/db/schema/enums';

export const PAPER_SIZES = paperSize.enumValues;
export type PaperSize = (typeof PAPER_SIZES)[number];
