/**
 * The dossier as a PDF for UN mechanisms and lawyers: the case, its people, every event with its
 * sources and grade, corrections, and the change history, each record followed by its SHA-256 (the
 * same hashes as the JSON dossier). Korean and Chinese text use the letters' embedded Noto fonts.
 */
import 'server-only';
import { openPdfDocument, writeParagraph } from '@/lib/pdf/document';
import type { Dossier, HashedRecord } from './dossier';

const MARGIN = 64;

type Fields = Record<string, unknown>;

function valueText(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

export async function renderDossierPdf(dossier: Dossier): Promise<Buffer> {
  const title = `Dossier: ${valueText(dossier.case.record.title)}`;
  const { doc, has, done } = openPdfDocument('a4', title);
  doc.addPage();
  const width = doc.page.width - 2 * MARGIN;
  const line = (text: string, size = 9.5) => writeParagraph(doc, text, has, { size, width, gap: 1.5 });
  const heading = (text: string) => {
    doc.moveDown(0.8);
    line(text, 14);
    doc.moveDown(0.3);
  };
  const record = (label: string, entry: HashedRecord<Fields>, fields: string[]) => {
    doc.moveDown(0.5);
    line(label, 11);
    for (const field of fields) line(`${field}: ${valueText(entry.record[field])}`);
    line(`SHA-256: ${entry.sha256}`, 7.5);
  };

  line(title, 18);
  line(`Exported ${dossier.exportedAt} by ${dossier.exportedBy}. Format ${dossier.format}. Confidential: contains internal notes and source identities.`, 8.5);
  line('Each record is followed by the SHA-256 of its canonical JSON form (keys sorted), as in the JSON dossier.', 8.5);

  heading('Case');
  record(valueText(dossier.case.record.slug), dossier.case, [
    'title',
    'publicSummary',
    'internalNotes',
    'urgency',
    'lifecycle',
    'publicityMode',
    'familyConsentStatus',
    'familyConsentRecordedOn',
    'consentWaiverReason',
    'nextReviewOn',
    'publishedAt',
  ]);

  heading('People');
  for (const person of dossier.people) {
    record(valueText(person.record.publicAlias), person, ['legalName', 'relation', 'birthYear', 'isMinor', 'custodyStatus', 'custodyPlace', 'custodyAsOf', 'custodyAsOfPrecision', 'internalNotes']);
  }

  const sourcesById = new Map(dossier.sources.map((source) => [String(source.record.id), source.record]));
  heading('Timeline');
  for (const event of dossier.events) {
    record(`${valueText(event.record.occurredOn)} (${valueText(event.record.occurredPrecision)}): ${valueText(event.record.title)}`, event, [
      'eventType',
      'description',
      'place',
      'visibility',
      'verificationGrade',
      'disputed',
      'retractedAt',
      'internalNotes',
    ]);
    for (const sourceId of (event.record.sourceIds as string[] | undefined) ?? []) {
      const source = sourcesById.get(sourceId);
      if (source) line(`  Source: ${valueText(source.publicAttribution)} [${valueText(source.kind)}] ${valueText(source.name)}; origin ${valueText(source.origin)}`);
    }
    for (const correction of (event.record.corrections as Fields[] | undefined) ?? []) {
      line(`  ${valueText(correction.kind)} on ${valueText(correction.createdAt)}: ${valueText(correction.publicReason)} (internal: ${valueText(correction.internalNote)})`);
    }
  }

  heading('Sources');
  for (const source of dossier.sources) {
    record(valueText(source.record.publicAttribution), source, ['kind', 'mayBeNamed', 'name', 'url', 'origin', 'internalNotes']);
  }

  heading('Change history');
  for (const version of dossier.history) {
    line(
      `${valueText(version.record.changedAt)} · ${valueText(version.record.entityType)} ${valueText(version.record.entityId)} v${valueText(version.record.version)} ${valueText(version.record.changeKind)} by ${valueText(version.record.changedBy)}`,
      8.5,
    );
    line(`SHA-256: ${version.sha256}`, 7.5);
  }
  doc.end();
  return done;
}
