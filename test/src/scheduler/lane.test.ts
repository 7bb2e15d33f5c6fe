import { describe, expect, it } from 'vitest';
import { laneOf } from '../../../src/scheduler/lane.ts';

describe('the lane a run is queued in', () => {
  it('is the fetch mode, or for auto targets the mode they learned (static until then)', () => {
    expect(laneOf({ fetch: 'browser', learnedMode: null })).toBe('browser');
    expect(laneOf({ fetch: 'static', learnedMode: 'browser' })).toBe('static');
    expect(laneOf({ fetch: 'auto', learnedMode: null })).toBe('static');
    expect(laneOf({ fetch: 'auto', learnedMode: 'browser' })).toBe('browser');
  });
});
