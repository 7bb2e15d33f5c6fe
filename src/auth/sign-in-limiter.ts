import { SlidingWindow } from './sliding-window.ts';

export interface SignInLimits {
  /** Failed sign-ins per account (email) in the window. */
  perAccount: number;
  /** Failed sign-ins per client address in the window. */
  perAddress: number;
  windowMs: number;
}

export const DEFAULT_SIGN_IN_LIMITS: SignInLimits = { perAccount: 5, perAddress: 20, windowMs: 15 * 60_000 };

/**
 * Failed sign-ins per account and per address, each in a sliding window. An email is counted whether or not
 * it belongs to anyone, so the limiter answers alike for unknown emails and wrong passwords.
 */
export class SignInLimiter {
  private readonly accounts: SlidingWindow;
  private readonly addresses: SlidingWindow;

  constructor(limits: SignInLimits = DEFAULT_SIGN_IN_LIMITS, now: () => number = Date.now) {
    this.accounts = new SlidingWindow(limits.perAccount, limits.windowMs, 10_000, now);
    this.addresses = new SlidingWindow(limits.perAddress, limits.windowMs, 10_000, now);
  }

  /** Seconds to wait before the next attempt for this email from this address; 0 when it may go ahead. */
  retryAfterSeconds(email: string, address: string): number {
    const ms = Math.max(this.accounts.blockedForMs(accountKey(email)), this.addresses.blockedForMs(address));
    return Math.ceil(ms / 1000);
  }

  recordFailure(email: string, address: string): void {
    this.accounts.record(accountKey(email));
    this.addresses.record(address);
  }

  /** A successful sign-in forgives the account's earlier failures (not the address's). */
  recordSuccess(email: string): void {
    this.accounts.clear(accountKey(email));
  }
}

const accountKey = (email: string) => email.trim().toLowerCase();
