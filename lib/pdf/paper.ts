/** Paper sizes a document can be set on: plain values that forms in the browser may import too. */
export const PAPER_SIZES = ['a4', 'letter'] as const;
export type PaperSize = (typeof PAPER_SIZES)[number];
