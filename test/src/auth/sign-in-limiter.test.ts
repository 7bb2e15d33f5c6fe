import { describe, expect, it } from 'vitest';
import { SignInLimiter } from '../../../src/auth/sign-in-limiter.ts';
import { SlidingWindow } from '../../../src/auth/sliding-window.ts';

function clock() {
  let t = 1_000_000;
  return { now: () => t, advance: (ms: number) => (t += ms) };
}

describe('SlidingWindow', () => {
  it('blocks at the limit until the oldest event in the window ages out', () => {
    const c = clock();
    const w = new SlidingWindow(3, 60_000, 100, c.now);
    w.record('k');
    c.advance(10_000);
    w.record('k');
    w.record('k');
    expect(w.blockedForMs('k')).toBe(50_000);
    expect(w.blockedForMs('other')).toBe(0);
    c.advance(50_000);
    expect(w.blockedForMs('k')).toBe(0);
    w.record('k');
    expect(w.blockedForMs('k')).toBe(10_000);
  });

  it('keeps at most maxKeys keys, dropping the least recently recorded', () => {
    const w = new SlidingWindow(1, 60_000, 2);
    w.record('a');
    w.record('b');
    w.record('a');
    w.record('c');
    expect(w.blockedForMs('a')).toBeGreaterThan(0);
    expect(w.blockedForMs('b')).toBe(0);
    expect(w.blockedForMs('c')).toBeGreaterThan(0);
  });
});

describe('SignInLimiter', () => {
  it('limits an account after its failures from any address, whether or not the email exists', () => {
    const c = clock();
    const limiter = new SignInLimiter({ perAccount: 2, perAddress: 10, windowMs: 60_000 }, c.now);
    limiter.recordFailure('Nobody@Example.com', '10.0.0.1');
    expect(limiter.retryAfterSeconds('nobody@example.com', '10.0.0.9')).toBe(0);
    limiter.recordFailure('nobody@example.com ', '10.0.0.2');
    expect(limiter.retryAfterSeconds('NOBODY@example.com', '10.0.0.9')).toBe(60);
    c.advance(30_500);
    expect(limiter.retryAfterSeconds('nobody@example.com', '10.0.0.9')).toBe(30);
  });

  it('limits an address trying many accounts; success forgives the account, not the address', () => {
    const limiter = new SignInLimiter({ perAccount: 2, perAddress: 3, windowMs: 60_000 });
    limiter.recordFailure('a@x.test', '10.0.0.1');
    limiter.recordFailure('a@x.test', '10.0.0.1');
    limiter.recordSuccess('a@x.test');
    expect(limiter.retryAfterSeconds('a@x.test', '10.0.0.2')).toBe(0);
    limiter.recordFailure('b@x.test', '10.0.0.1');
    expect(limiter.retryAfterSeconds('c@x.test', '10.0.0.1')).toBeGreaterThan(0);
    expect(limiter.retryAfterSeconds('c@x.test', '10.0.0.2')).toBe(0);
  });
});
