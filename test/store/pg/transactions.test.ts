import { afterEach, beforeEach, expect, it } from 'vitest';
import type { StoreHandle } from '../../../src/store/store.ts';
import { pgStoreFactory } from '../../helpers/pg-store-factory.ts';

let store: StoreHandle;
beforeEach(async () => {
  store = await pgStoreFactory();
});
afterEach(() => store.close());

/** Resolves once `n` parties have arrived. */
function barrier(n: number) {
  let arrived = 0;
  let release!: () => void;
  const all = new Promise<void>((resolve) => (release = resolve));
  return () => {
    arrived += 1;
    if (arrived === n) release();
    return all;
  };
}

it('runs a unit of work again when Postgres aborts it for a deadlock, so both land', async () => {
  const a = (await store.users.createToken('alice', 'viewer')).info.id;
  const b = (await store.users.createToken('bob', 'viewer')).info.id;
  const bothHoldOne = barrier(2);
  const runs = { first: 0, second: 0 };
  // Each locks one token's row, then wants the other's: Postgres aborts one of them, which then runs again.
  const unit = (mine: number, theirs: number, who: keyof typeof runs) =>
    store.transaction(async (tx) => {
      runs[who] += 1;
      await tx.users.revokeToken(mine);
      if (runs[who] === 1) await bothHoldOne();
      await tx.users.revokeToken(theirs);
    });
  await Promise.all([unit(a, b, 'first'), unit(b, a, 'second')]);
  expect(runs.first + runs.second).toBe(3);
  expect((await store.users.listTokens()).map((t) => t.revokedAt !== null)).toEqual([true, true]);
});

it('does not run a unit of work again for other errors', async () => {
  let runs = 0;
  await expect(
    store.transaction(async () => {
      runs += 1;
      throw new Error('boom');
    }),
  ).rejects.toThrow('boom');
  expect(runs).toBe(1);
});
