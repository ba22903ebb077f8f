/** Whether a public petition takes signatures at a given moment, and if not, why. Pure. */
import type { PetitionStatus, SigningRefusal } from './vocabulary';

export interface SigningWindow {
  status: PetitionStatus;
  opensAt: Date | null;
  closesAt: Date | null;
}

export function signingRefusal(petition: SigningWindow, sitePaused: boolean, now: Date = new Date()): SigningRefusal | null {
  if (petition.status === 'closed' || petition.status === 'delivered') return 'closed';
  if (petition.closesAt && petition.closesAt <= now) return 'closed';
  if (petition.status === 'draft') return 'not_open_yet';
  if (petition.opensAt && petition.opensAt > now) return 'not_open_yet';
  if (sitePaused) return 'site_paused';
  if (petition.status === 'paused') return 'paused';
  return null;
}
