import type { BadgeTone } from '@/components/ui/Badge';
import type { CustodyStatus, UrgencyLevel, VerificationGrade } from '@/lib/cases/vocabulary';

export const urgencyTone: Record<UrgencyLevel, BadgeTone> = {
  critical: 'danger',
  high: 'warning',
  moderate: 'info',
  low: 'neutral',
};

export function custodyTone(status: CustodyStatus): BadgeTone {
  if (status === 'reached_safety') return 'success';
  if (status === 'unknown' || status === 'in_hiding_third_country' || status === 'released_under_surveillance') {
    return 'warning';
  }
  return 'danger';
}

export function verificationTone(grade: VerificationGrade): BadgeTone {
  if (grade === 'disputed' || grade === 'retracted') return 'warning';
  if (grade === 'reported' || grade === 'single_source') return 'neutral';
  return 'success';
}
