/**
 * The verification grade of an event is computed from its sources, never typed: "corroborated" needs
 * two sources of different origins, because two relays of one informant are one account told twice.
 */
import type { SourceKind, VerificationGrade } from './vocabulary';

export interface GradedSource {
  id: string;
  kind: SourceKind;
  mayBeNamed: boolean;
  /** Sources sharing a non-empty origin are one line of evidence; empty means the source is its own origin. */
  origin: string;
}

export interface GradeInput {
  retracted: boolean;
  disputed: boolean;
  sources: GradedSource[];
}

/** How many independent lines of evidence the sources give. */
export function independentOriginCount(sources: GradedSource[]): number {
  const origins = new Set(sources.map((source) => normaliseOrigin(source.origin) || `source:${source.id}`));
  return origins.size;
}

function normaliseOrigin(origin: string): string {
  return origin.trim().toLowerCase().replace(/\s+/g, ' ');
}

export function computeVerificationGrade({ retracted, disputed, sources }: GradeInput): VerificationGrade {
  if (retracted) return 'retracted';
  if (disputed) return 'disputed';
  const documents = sources.filter((source) => source.kind === 'official_document');
  // A published official document is an official confirmation; a document we hold but may not name is evidence.
  if (documents.some((source) => source.mayBeNamed)) return 'officially_confirmed';
  if (documents.length > 0) return 'documented';
  const origins = independentOriginCount(sources);
  if (origins >= 2) return 'corroborated';
  if (origins === 1) return 'single_source';
  return 'reported';
}
