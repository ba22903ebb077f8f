/**
 * Every enum of the database, in one file with no tables: the domains' vocabularies (lib/<domain>/vocabulary.ts),
 * which browser components import too, derive their value lists from these without pulling in the schema.
 */
import { pgEnum } from 'drizzle-orm/pg-core';

// Staff
export const staffRole = pgEnum('staff_role', ['admin', 'organizer', 'advocate']);

// Mail
/** The states of a mail_outbox row (db/schema/auth.ts says what each means). */
export const mailStatus = pgEnum('mail_status', ['pending', 'sent', 'failed', 'sending', 'unknown']);

// Cases
export const caseLifecycle = pgEnum('case_lifecycle', ['draft', 'published', 'archived']);
export const publicityMode = pgEnum('publicity_mode', [
  'public_campaign',
  'quiet_advocacy',
  'internal_only',
]);
export const urgencyLevel = pgEnum('urgency_level', ['critical', 'high', 'moderate', 'low']);
export const familyConsentStatus = pgEnum('family_consent_status', [
  'not_asked',
  'pending',
  'granted',
  'refused',
  'withdrawn',
]);
export const custodyStatus = pgEnum('custody_status', [
  'in_hiding_third_country',
  'detained_in_china',
  'handed_over_to_north_korea',
  'interrogation_state_security',
  'holding_centre',
  'labour_training_camp',
  'prison',
  'political_prison_camp',
  'released_under_surveillance',
  'reached_safety',
  'deceased_reported',
  'deceased_confirmed',
  'unknown',
]);
export const personRelation = pgEnum('person_relation', [
  'principal',
  'wife',
  'husband',
  'son',
  'daughter',
  'mother',
  'father',
  'sister',
  'brother',
  'relative',
  'companion',
]);
export const datePrecision = pgEnum('date_precision', ['day', 'month', 'year', 'approximate']);
export const timelineEventType = pgEnum('timeline_event_type', [
  'escape',
  'arrest',
  'detention',
  'transfer',
  'repatriation',
  'interrogation',
  'sentencing',
  'release',
  'arrival',
  'appeal',
  'advocacy',
  'statement',
  'report',
  'other',
]);
export const verificationGrade = pgEnum('verification_grade', [
  'reported',
  'single_source',
  'corroborated',
  'documented',
  'officially_confirmed',
  'disputed',
  'retracted',
]);
export const eventVisibility = pgEnum('event_visibility', ['public', 'internal']);
export const sourceKind = pgEnum('source_kind', [
  'media',
  'ngo',
  'family',
  'informant_north_korea',
  'informant_china',
  'official_document',
]);

// Case records
export const caseRecordKind = pgEnum('case_record_kind', ['case', 'person', 'event', 'source']);
export const eventCorrectionKind = pgEnum('event_correction_kind', ['correction', 'retraction']);
export const publicationRequestStatus = pgEnum('publication_request_status', ['pending', 'approved', 'withdrawn', 'rejected']);

// Petitions
export const petitionStatus = pgEnum('petition_status', ['draft', 'open', 'paused', 'closed', 'delivered']);
/** How a signer appears in public lists: anonymous unless they chose otherwise. */
export const signerDisplay = pgEnum('signer_display', ['anonymous', 'first_name_country']);
export const blocklistKind = pgEnum('blocklist_kind', ['email_domain', 'ip_range', 'ip_hash']);

// Letters and the target directory
export const targetKind = pgEnum('target_kind', ['embassy', 'consulate', 'ministry', 'un_mandate']);
export const targetStatus = pgEnum('target_status', ['active', 'moved', 'closed']);
export const letterLanguage = pgEnum('letter_language', ['en', 'ko', 'zh']);
/** Organizers' letters go to targets in batches; the supporter template is for supporters' own letters. */
export const templatePurpose = pgEnum('template_purpose', ['organizer', 'supporter']);
export const paperSize = pgEnum('paper_size', ['a4', 'letter']);
export const letterStatus = pgEnum('letter_status', ['generated', 'sent', 'delivered', 'replied', 'no_reply']);
export const sendChannel = pgEnum('send_channel', ['post', 'email', 'fax', 'by_hand']);
