/** Limits against guessing; every one is a setting (runtime/config.ts, the README lists them). */
export type Limits = {
  /** Failed sign-ins (API and pages together) per address per window. */
  signInPerAddress: number;
  signInWindowMs: number;
  /** Failed sign-ins in a row with one name before it is locked. */
  lockAfter: number;
  /** The first lock; every further failure doubles it, up to lockMaxMs. */
  lockMs: number;
  lockMaxMs: number;
  /** Requests with an unknown bearer token per address per window. */
  tokenFailuresPerAddress: number;
  tokenWindowMs: number;
  /** Sign-ins begun at a provider (each stores a flow) per address per sign-in window. */
  signInStartsPerAddress: number;
};

// Generous per address (an office behind one NAT address, test suites signing in from 127.0.0.1),
// strict per account name: that is where a guesser aims.
export const defaultLimits: Limits = {
  signInPerAddress: 50,
  signInWindowMs: 15 * 60_000,
  lockAfter: 5,
  lockMs: 60_000,
  lockMaxMs: 15 * 60_000,
  tokenFailuresPerAddress: 100,
  tokenWindowMs: 60_000,
  signInStartsPerAddress: 100,
};
