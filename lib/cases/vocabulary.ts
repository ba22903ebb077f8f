/** The case domain's fixed vocabularies, as TypeScript types and value lists (from the database enums). */
import {
  caseLifecycle,
  custodyStatus,
  datePrecision,
  eventVisibility,
  familyConsentStatus,
  personRelation,
  publicityMode,
  sourceKind,
  timelineEventType,
  urgencyLevel,
  verificationGrade,
} from '@/db/schema/cases';

export const CUSTODY_STATUSES = custodyStatus.enumValues;
export const URGENCY_LEVELS = urgencyLevel.enumValues;
export const VERIFICATION_GRADES = verificationGrade.enumValues;
export const DATE_PRECISIONS = datePrecision.enumValues;

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
