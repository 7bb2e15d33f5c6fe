import type { Db } from '../db/open-db.ts';

/**
 * Called by the scheduler when a target's health flips (ok → broken, broken → ok), inside its transaction.
 * PLACEHOLDER until the alerts work lands: the compare helper replaces this body.
 */
export function recordHealthEvent(_db: Db, _event: { targetId: number; health: 'ok' | 'broken'; reason: string | null }): void {}
