import type { Run } from '../store/runs.ts';
import type { Store } from '../store/store.ts';
import { laneOf } from './lane.ts';

/**
 * Queues a run of the target due `now` (the "run now" of the API and the CLI); when the target already has a
 * run queued or running, that one is returned, brought forward if it was queued for later.
 */
export async function queueManualRun(store: Store, targetId: number, now: Date): Promise<Run> {
  const lane = laneOf(await store.targets.get(targetId));
  return (await store.runQueue.enqueue({ targetId, lane, trigger: 'manual', availableAt: now.toISOString() })).run;
}
