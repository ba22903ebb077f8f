/** The case domain's fixed vocabularies, as TypeScript types and value lists (from the database enums). */
import {
  caseLifecycle,
  custodyStatus,
  datePrecision,
  eventCorrectionKind,
  eventVisibility,
  familyConsentStatus,
  personRelation,
  publicityMode,
  sourceKind,
  timelineEventType,
  urgencyLevel,
  verificationGrade,
} from '@/db/schema/enums';

export const CUSTODY_STATUSES = custodyStatus.enumValues;
export const URGENCY_LEVELS = urgencyLevel.enumValues;
export const VERIFICATION_GRADES = verificationGrade.enumValues;
export const DATE_PRECISIONS = datePrecision.enumValues;
export const CASE_LIFECYCLES = caseLifecycle.enumValues;
export const PUBLICITY_MODES = publicityMode.enumValues;
export const FAMILY_CONSENT_STATUSES = familyConsentStatus.enumValues;
export const PERSON_RELATIONS = personRelation.enumValues;
export const TIMELINE_EVENT_TYPES = timelineEventType.enumValues;
export const EVENT_VISIBILITIES = eventVisibility.enumValues;
export const SOURCE_KINDS = sourceKind.enumValues;

export type CaseLifecycle = (typeof caseLifecycle.enumValues)[number];
export type PublicityMode = (typeof publicityMode.enumValues)[number];
export type UrgencyLevel = (typeof urgencyLevel.enumValues)[number];
export type FamilyConsentStatus = (typeof familyConsentStatus.enumValues)[number];
export type CustodyStatus = (typeof custodyStatus.enumValues)[number];
export type PersonRelation = (typeof personRelation.enumValues)[number];
export type DatePrecision = (typeof datePrecision.enumValues)[number];
export type TimelineEventType = (typeof timelineEventType.enumValues)[number];
export type VerificationGrade = (typeof verificationGrade.enumValues)[number];
export type EventVisibility = (typeof eventVisibility.enumValues)[number];
export type SourceKind = (typeof sourceKind.enumValues)[number];
/** A public correction of an event, or its retraction. */
export type EventCorrectionKind = (typeof eventCorrectionKind.enumValues)[number];

/** The custody status an event of this type usually reports: the event form offers it, the advocate decides. */
export const SUGGESTED_CUSTODY_BY_EVENT: Partial<Record<TimelineEventType, CustodyStatus>> = {
  arrest: 'detained_in_china',
  detention: 'detained_in_china',
  repatriation: 'handed_over_to_north_korea',
  interrogation: 'interrogation_state_security',
  sentencing: 'prison',
  release: 'released_under_surveillance',
  arrival: 'reached_safety',
};
