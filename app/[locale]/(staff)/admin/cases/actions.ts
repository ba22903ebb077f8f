'use server';

import type { ActionState } from '@/lib/operations/result';
import { staffAction } from '@/lib/actions/staff-action';
import { approvePublication } from '@/lib/cases/approve-publication';
import { correctEvent } from '@/lib/cases/correct-event';
import { createCase } from '@/lib/cases/create-case';
import { createEvent } from '@/lib/cases/create-event';
import { createPerson } from '@/lib/cases/create-person';
import { requestPublication } from '@/lib/cases/request-publication';
import { retractEvent } from '@/lib/cases/retract-event';
import {
  approvePublicationSchema,
  caseRulesSchema,
  correctEventSchema,
  createCaseSchema,
  createEventSchema,
  createPersonSchema,
  requestPublicationSchema,
  retractEventSchema,
  updateCaseSchema,
  updateEventSchema,
  updatePersonSchema,
  updateSourceSchema,
} from '@/lib/cases/schemas';
import { updateCase } from '@/lib/cases/update-case';
import { updateCaseRules } from '@/lib/cases/update-case-rules';
import { updateEvent } from '@/lib/cases/update-event';
import { updatePerson } from '@/lib/cases/update-person';
import { updateSource } from '@/lib/cases/update-source';
import type { CaseRules } from '@/lib/cases/case-rules';
import type { EventWriteResult } from '@/lib/cases/write-event';
import { withdrawPublication } from '@/lib/cases/withdraw-publication';

const handlers = {
  createCase: staffAction(createCaseSchema, createCase),
  updateCase: staffAction(updateCaseSchema, updateCase),
  createPerson: staffAction(createPersonSchema, createPerson),
  updatePerson: staffAction(updatePersonSchema, updatePerson),
  createEvent: staffAction(createEventSchema, createEvent),
  updateEvent: staffAction(updateEventSchema, updateEvent),
  correctEvent: staffAction(correctEventSchema, correctEvent),
  retractEvent: staffAction(retractEventSchema, retractEvent),
  updateSource: staffAction(updateSourceSchema, updateSource),
  requestPublication: staffAction(requestPublicationSchema, requestPublication),
  approvePublication: staffAction(approvePublicationSchema, approvePublication),
  withdrawPublication: staffAction(approvePublicationSchema, withdrawPublication),
  updateCaseRules: staffAction(caseRulesSchema, updateCaseRules),
};

type CaseSaved = ActionState<{ caseId: string }>;
type EventSaved = ActionState<EventWriteResult>;

export async function createCaseAction(state: CaseSaved, formData: FormData) {
  return handlers.createCase(state, formData);
}
export async function updateCaseAction(state: CaseSaved, formData: FormData) {
  return handlers.updateCase(state, formData);
}
export async function createPersonAction(state: ActionState<{ personId: string }>, formData: FormData) {
  return handlers.createPerson(state, formData);
}
export async function updatePersonAction(state: ActionState<{ personId: string }>, formData: FormData) {
  return handlers.updatePerson(state, formData);
}
export async function createEventAction(state: EventSaved, formData: FormData) {
  return handlers.createEvent(state, formData);
}
export async function updateEventAction(state: EventSaved, formData: FormData) {
  return handlers.updateEvent(state, formData);
}
export async function correctEventAction(state: EventSaved, formData: FormData) {
  return handlers.correctEvent(state, formData);
}
export async function retractEventAction(state: ActionState<{ eventId: string }>, formData: FormData) {
  return handlers.retractEvent(state, formData);
}
export async function updateSourceAction(state: ActionState<{ sourceId: string }>, formData: FormData) {
  return handlers.updateSource(state, formData);
}
export async function requestPublicationAction(state: ActionState<{ outcome: 'published' | 'pending' }>, formData: FormData) {
  return handlers.requestPublication(state, formData);
}
export async function approvePublicationAction(state: CaseSaved, formData: FormData) {
  return handlers.approvePublication(state, formData);
}
export async function withdrawPublicationAction(state: CaseSaved, formData: FormData) {
  return handlers.withdrawPublication(state, formData);
}
export async function updateCaseRulesAction(state: ActionState<CaseRules>, formData: FormData) {
  return handlers.updateCaseRules(state, formData);
}
