/**
 * How many signatures one address may send a petition, per window, before the rest are held (accepted,
 * mailed and confirmable like any other, but not counted until an organizer releases them). Sized for
 * people who share an address: a rally on one mobile network, a church, a campus, an office behind NAT.
 * Confirmation by mail stays the main defence; the ceiling only decides what an organizer looks at.
 */

export interface AddressCeiling {
  /** Signatures from one address within one window that count without an organizer's look. */
  signatures: number;
  windowSeconds: number;
}

// 300 people behind one address signing within 10 minutes all count, with room to spare.
const DEFAULT_ADDRESS_CEILING: AddressCeiling = { signatures: 400, windowSeconds: 10 * 60 };

function wholeNumber(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined || value.trim() === '') return fallback;
  if (!/^\d+$/.test(value.trim()) || Number(value) < 1) throw new Error(`${name} must be a whole number above 0 (it is "${value}")`);
  return Number(value);
}

/** From VIGIL_SIGNATURES_PER_ADDRESS and VIGIL_SIGNATURES_PER_ADDRESS_WINDOW_MINUTES; throws on a value it cannot use. */
export function addressCeiling(env: Record<string, string | undefined> = process.env): AddressCeiling {
  return {
    signatures: wholeNumber('VIGIL_SIGNATURES_PER_ADDRESS', env.VIGIL_SIGNATURES_PER_ADDRESS, DEFAULT_ADDRESS_CEILING.signatures),
    windowSeconds: 60 * wholeNumber('VIGIL_SIGNATURES_PER_ADDRESS_WINDOW_MINUTES', env.VIGIL_SIGNATURES_PER_ADDRESS_WINDOW_MINUTES, DEFAULT_ADDRESS_CEILING.windowSeconds / 60),
  };
}

/**
 * A crowd expected at an event may sign from one address: the ceiling during the event is the crowd
 * with room to spare (people arrive at once, a few sign twice on two devices), never below the usual one.
 */
export const EVENT_CROWD_MARGIN = 1.5;

export function eventAddressCeiling(expectedCrowd: number, usual: AddressCeiling = addressCeiling()): number {
  return Math.max(usual.signatures, Math.ceil(expectedCrowd * EVENT_CROWD_MARGIN));
}
