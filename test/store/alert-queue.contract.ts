import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DeliveryAttempt } from '../../src/store/alerts.ts';
import type { StoreHandle } from '../../src/store/store.ts';
import type { StoreFactory } from '../helpers/store-factory.ts';
import { newRule } from './alerts.contract.ts';

const T0 = '2026-01-01T00:00:00.000Z';
const at = (seconds: number) => new Date(Date.parse(T0) + seconds * 1000).toISOString();
const tried = (attempt: number, statusCode: number | null, startedAt = T0): DeliveryAttempt => ({
  attempt,
  startedAt,
  durationMs: 10,
  statusCode,
  error: statusCode === 200 ? null : statusCode === null ? 'ECONNREFUSED: connect failed' : `HTTP ${statusCode}`,
  ok: statusCode === 200,
});

/** What every backend's AlertQueue must do. */
export function alertQueueContract(open: StoreFactory) {
  describe('alert delivery queue', () => {
    let store: StoreHandle;
    let ruleId: number;
    beforeEach(async () => {
      store = await open();
      ruleId = (await store.alerts.createRule(newRule({ webhookUrl: 'https://hooks.example/q', secret: 'queue-secret-0123456789' }))).id;
    });
    afterEach(() => store.close());

    const enqueue = (key: string, due = T0) =>
      store.alertQueue.enqueue({
        ruleId,
        dedupeKey: key,
        event: 'out_of_stock',
        targetId: null,
        changeId: null,
        payload: `{"key":"${key}"}`,
        at: due,
      });
    const claim = (owner: string, now: string, limit = 10) =>
      store.alertQueue.claimDue({ owner, now, leaseUntil: new Date(Date.parse(now) + 60_000).toISOString(), limit });
    const delivery = (id: number) => store.alerts.getDelivery(id);

    it('queues once per rule and key', async () => {
      expect(await enqueue('change:1')).toBe(true);
      expect(await enqueue('change:1')).toBe(false);
      expect(await enqueue('change:2')).toBe(true);
      expect((await store.alerts.listDeliveries({ limit: 10 })).items).toHaveLength(2);
    });

    it('claims due deliveries earliest first, with what sending needs, and leases them', async () => {
      await enqueue('late', at(30));
      await enqueue('early', T0);
      await enqueue('later', at(90));
      const claimed = await claim('a', at(60));
      expect(claimed).toEqual([
        {
          id: expect.any(Number),
          ruleId,
          attempt: 1,
          payload: '{"key":"early"}',
          webhookUrl: 'https://hooks.example/q',
          secret: 'queue-secret-0123456789',
        },
        expect.objectContaining({ payload: '{"key":"late"}' }),
      ]);
      expect(await claim('b', at(60))).toEqual([]);
      expect(await claim('b', at(120), 1)).toEqual([expect.objectContaining({ payload: '{"key":"later"}' })]);
    });

    it('two dispatchers claiming at once never share a delivery', async () => {
      for (let i = 0; i < 6; i++) await enqueue(`k${i}`);
      const [a, b] = await Promise.all([claim('a', T0, 4), claim('b', T0, 4)]);
      const ids = [...a!, ...b!].map((d) => d.id);
      expect(ids).toHaveLength(6);
      expect(new Set(ids).size).toBe(6);
    });

    it('completes a delivery with its attempt; only the lease holder settles', async () => {
      await enqueue('k');
      const [d] = await claim('a', T0);
      expect(await store.transaction((tx) => tx.alertQueue.complete(d!.id, 'b', tried(1, 200)))).toBe(false);
      expect(await delivery(d!.id)).toMatchObject({ status: 'pending', attempts: 0, log: [] });
      expect(await store.transaction((tx) => tx.alertQueue.complete(d!.id, 'a', tried(1, 200)))).toBe(true);
      expect(await delivery(d!.id)).toMatchObject({
        status: 'delivered',
        attempts: 1,
        lastError: null,
        nextAttemptAt: null,
        deliveredAt: at(0.01),
      });
      expect(await store.transaction((tx) => tx.alertQueue.complete(d!.id, 'a', tried(1, 200)))).toBe(false);
      expect(await claim('a', at(3600))).toEqual([]);
    });

    it('retries a failed attempt at the given time, counting attempts, then gives up', async () => {
      await enqueue('k');
      const [first] = await claim('a', T0);
      await store.transaction((tx) => tx.alertQueue.retry(first!.id, 'a', tried(1, 500), at(30)));
      expect(await delivery(first!.id)).toMatchObject({ status: 'pending', attempts: 1, lastError: 'HTTP 500', nextAttemptAt: at(30) });
      expect(await claim('a', at(29))).toEqual([]);
      const [second] = await claim('a', at(30));
      expect(second).toMatchObject({ id: first!.id, attempt: 2 });
      await store.transaction((tx) => tx.alertQueue.giveUp(second!.id, 'a', tried(2, null, at(30))));
      const failed = await delivery(first!.id);
      expect(failed).toMatchObject({ status: 'failed', attempts: 2, lastError: 'ECONNREFUSED: connect failed', nextAttemptAt: null });
      expect(failed.log.map((l) => [l.attempt, l.statusCode, l.ok])).toEqual([
        [1, 500, false],
        [2, null, false],
      ]);
      expect(await claim('a', at(3600))).toEqual([]);
    });

    it('recovers deliveries whose lease expired; the old holder can no longer settle them', async () => {
      await enqueue('k');
      const [d] = await claim('dead', T0);
      expect(await store.alertQueue.recoverExpired(at(59))).toBe(0);
      expect(await claim('alive', at(59))).toEqual([]);
      expect(await store.alertQueue.recoverExpired(at(60))).toBe(1);
      const [again] = await claim('alive', at(60));
      expect(again).toMatchObject({ id: d!.id, attempt: 1 });
      expect(await store.transaction((tx) => tx.alertQueue.complete(d!.id, 'dead', tried(1, 200)))).toBe(false);
      expect(await store.transaction((tx) => tx.alertQueue.complete(d!.id, 'alive', tried(1, 200, at(60))))).toBe(true);
      expect((await delivery(d!.id)).log).toHaveLength(1);
    });

    it('settling inside a unit of work that fails stores nothing', async () => {
      await enqueue('k');
      const [d] = await claim('a', T0);
      await expect(
        store.transaction(async (tx) => {
          await tx.alertQueue.complete(d!.id, 'a', tried(1, 200));
          throw new Error('boom');
        }),
      ).rejects.toThrow('boom');
      expect(await delivery(d!.id)).toMatchObject({ status: 'pending', attempts: 0, log: [] });
    });
  });
}
