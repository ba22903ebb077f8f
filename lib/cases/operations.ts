/** The cases domain's staff operations, for the registry (lib/operations/registry.ts). */
import 'server-only';
import type { DefinedOperation } from '@/lib/operations/define-operation';
import { approvePublication } from './approve-publication';
import { correctEvent } from './correct-event';
import { createCase } from './create-case';
import { createEvent } from './create-event';
import { createPerson } from './create-person';
import { exportDossier } from './export-dossier';
import { getCaseFile } from './get-case-file';
import { getCaseHistory } from './get-case-history';
import { getCaseRules } from './get-case-rules';
import { getCasePublication, getPublicationPreview, listPublicationQueue } from './get-publication';
import { confirmUrgentPublication } from './confirm-urgent-publication';
import { rejectPublication } from './reject-publication';
import { getSourceDetails } from './get-source-details';
import { listCases } from './list-cases';
import { listSources } from './list-sources';
import { requestPublication } from './request-publication';
import { retractEvent } from './retract-event';
import { updateCase } from './update-case';
import { updateCaseRules } from './update-case-rules';
import { updateEvent } from './update-event';
import { updatePerson } from './update-person';
import { updateSource } from './update-source';
import { withdrawPublication } from './withdraw-publication';

export const caseOperations: readonly DefinedOperation[] = [
  listCases,
  getCaseFile,
  getCaseHistory,
  createCase,
  updateCase,
  requestPublication,
  approvePublication,
  withdrawPublication,
  rejectPublication,
  confirmUrgentPublication,
  getCasePublication,
  listPublicationQueue,
  getPublicationPreview,
  exportDossier,
  createPerson,
  updatePerson,
  createEvent,
  updateEvent,
  correctEvent,
  retractEvent,
  listSources,
  getSourceDetails,
  updateSource,
  getCaseRules,
  updateCaseRules,
];
