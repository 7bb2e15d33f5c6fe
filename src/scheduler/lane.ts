import type { Lane } from '../store/runs.ts';
import type { Target } from '../store/targets.ts';

/** The lane a target's next run waits in: its fetch mode, or for `auto` the mode it learned (static until then). */
export const laneOf = (target: Pick<Target, 'fetch' | 'learnedMode'>): Lane =>
  target.fetch === 'auto' ? (target.learnedMode ?? 'static') : target.fetch;
