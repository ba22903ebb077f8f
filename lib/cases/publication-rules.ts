/** Whether the family's side of publication is settled: consent granted, or a recorded reason why it is safe without. */
import type { FamilyConsentStatus } from './vocabulary';

export function consentAllowsPublication(status: FamilyConsentStatus, waiverReason: string): boolean {
  // A refusal or a withdrawal is the family's answer: a waiver covers only consent that could not be asked.
  if (status === 'refused' || status === 'withdrawn') return false;
  return status === 'granted' || waiverReason.trim().length > 0;
}
