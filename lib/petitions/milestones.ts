/**
 * A petition's milestones: signature counts an organizer names, each with what happens when it is
 * reached ("1,000: we hand the petition to the embassy in Seoul"). Organizers write them one a line;
 * the petition stores them as a list and the public page shows the next one and those reached.
 * No server-only import: the console form checks the same rule in the browser (through schemas.ts).
 */
import type { Milestone } from './public';

export const MAX_MILESTONES = 10;
export const MAX_MILESTONE_NOTE = 300;
const MAX_SIGNATURES = 100_000_000;

export type MilestoneError = 'milestoneLineInvalid' | 'milestonesTooMany' | 'milestoneNoteTooLong' | 'milestoneRepeated';

// "1000: text", "1,000 = text", "10 000 – text": a count (digits, with , . or space between groups), a separator, the note.
const LINE = /^(\d{1,3}(?:[,. ]\d{3})+|\d+)\s*[:=–—-]\s*(\S.*)$/;

/** The organizer's lines as milestones in rising order, or the first thing wrong with them. */
export function parseMilestones(text: string): { ok: true; milestones: Milestone[] } | { ok: false; error: MilestoneError } {
  const lines = text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);
  if (lines.length > MAX_MILESTONES) return { ok: false, error: 'milestonesTooMany' };
  const milestones: Milestone[] = [];
  for (const line of lines) {
    const match = LINE.exec(line);
    const signatures = match ? Number(match[1]!.replace(/[,. ]/g, '')) : Number.NaN;
    if (!match || !Number.isSafeInteger(signatures) || signatures < 1 || signatures > MAX_SIGNATURES) return { ok: false, error: 'milestoneLineInvalid' };
    const note = match[2]!.trim();
    if (note.length > MAX_MILESTONE_NOTE) return { ok: false, error: 'milestoneNoteTooLong' };
    if (milestones.some((milestone) => milestone.signatures === signatures)) return { ok: false, error: 'milestoneRepeated' };
    milestones.push({ signatures, note });
  }
  return { ok: true, milestones: milestones.sort((a, b) => a.signatures - b.signatures) };
}

/** The lines an organizer edits, from the stored list. */
export function formatMilestones(milestones: readonly Milestone[]): string {
  return milestones.map((milestone) => `${milestone.signatures}: ${milestone.note}`).join('\n');
}
