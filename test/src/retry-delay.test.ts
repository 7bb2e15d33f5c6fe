import { describe, expect, it } from 'vitest';
import { retryDelayMs } from '../../src/retry-delay.ts';

describe('retryDelayMs', () => {
  it('doubles per attempt from the base, jitter centred on it', () => {
    expect([1, 2, 3, 4].map((n) => retryDelayMs(n, 30_000, () => 0.5))).toEqual([30_000, 60_000, 120_000, 240_000]);
  });

  it('spreads ±25 % around the exponential delay', () => {
    expect(retryDelayMs(3, 1000, () => 0)).toBe(3000);
    expect(retryDelayMs(3, 1000, () => 1)).toBe(5000);
  });

  it('never waits more than an hour', () => {
    expect(retryDelayMs(20, 30_000, () => 1)).toBe(3600_000);
    expect(retryDelayMs(20, 30_000, () => 0)).toBe(2700_000);
  });
});
