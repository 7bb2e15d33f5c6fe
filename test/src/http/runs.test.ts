import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../helpers/test-app.ts';
import { seedTarget } from '../../helpers/seed-target.ts';

let t: TestApp;
beforeEach(async () => {
  t = await createTestApp();
});
afterEach(() => t.close());

describe('POST /api/targets/:id/runs', () => {
  it('queues a manual run (202) and answers with the same run while it is pending', async () => {
    const target = await seedTarget(t.store);
    const res = await t.call('marketer', 'POST', `/api/targets/${target.id}/runs`);
    expect(res.status).toBe(202);
    const run = await res.json();
    expect(run).toMatchObject({
      targetId: target.id,
      status: 'queued',
      code: null,
      attempt: 1,
      trigger: 'manual',
      snapshotId: null,
      timings: { queueMs: null, fetchMs: null, extractMs: null },
    });
    const again = await (await t.call('admin', 'POST', `/api/targets/${target.id}/runs`)).json();
    expect(again.id).toBe(run.id);
    expect((await t.store.runs.list({ limit: 10 })).items).toHaveLength(1);
  });

  it('is 404 for an unknown target and 403 for viewers and auditors', async () => {
    const target = await seedTarget(t.store);
    expect((await t.call('marketer', 'POST', '/api/targets/999/runs')).status).toBe(404);
    expect((await t.call('viewer', 'POST', `/api/targets/${target.id}/runs`)).status).toBe(403);
    expect((await t.call('auditor', 'POST', `/api/targets/${target.id}/runs`)).status).toBe(403);
    expect((await t.call(null, 'POST', `/api/targets/${target.id}/runs`)).status).toBe(401);
  });
});

describe('GET /api/runs', () => {
  it('filters by target, status, code and since, with cursor pagination', async () => {
    const a = await seedTarget(t.store);
    const b = await seedTarget(t.store);
    const queue = t.store.runQueue;
    const owner = 'test-owner';
    const now = new Date();
    const enqueue = (targetId: number, trigger: 'schedule' | 'manual') =>
      queue.enqueue({ targetId, lane: 'static', trigger, availableAt: now.toISOString() });
    const first = (await enqueue(a.id, 'schedule')).run;
    const claimed = await queue.claim('static', now.toISOString(), { owner, until: new Date(now.getTime() + 60_000).toISOString() });
    expect(claimed?.id).toBe(first.id);
    await queue.complete(first.id, owner, {
      status: 'failed', code: 'http_5xx', error: 'HTTP 503', fetchMode: 'static', timings: { queueMs: 1, fetchMs: 2, extractMs: null },
      snapshotId: null, httpStatus: 503, finalUrl: a.url, robotsOverridden: true, finishedAt: now.toISOString(),
    });
    await enqueue(a.id, 'manual');
    await enqueue(b.id, 'manual');

    const byTarget = await (await t.call('viewer', 'GET', `/api/runs?targetId=${a.id}`)).json();
    expect(byTarget.items.map((r: { targetId: number }) => r.targetId)).toEqual([a.id, a.id]);
    const failed = await (await t.call('viewer', 'GET', '/api/runs?status=failed&code=http_5xx')).json();
    expect(failed.items).toHaveLength(1);
    expect(failed.items[0]).toMatchObject({ id: first.id, code: 'http_5xx', httpStatus: 503, robotsOverridden: true, timings: { fetchMs: 2 } });
    const alias = await (await t.call('viewer', 'GET', `/api/runs?target=${b.id}`)).json();
    expect(alias.items).toHaveLength(1);
    const future = new Date(now.getTime() + 3_600_000).toISOString();
    expect((await (await t.call('viewer', 'GET', `/api/runs?since=${encodeURIComponent(future)}`)).json()).items).toHaveLength(0);

    const page1 = await (await t.call('viewer', 'GET', '/api/runs?limit=2')).json();
    expect(page1.items).toHaveLength(2);
    const page2 = await (await t.call('viewer', 'GET', `/api/runs?limit=2&cursor=${page1.nextCursor}`)).json();
    expect(page2.items).toHaveLength(1);
    expect(page2.nextCursor).toBeNull();

    const one = await t.call('viewer', 'GET', `/api/runs/${first.id}`);
    expect(one.status).toBe(200);
    expect((await t.call('viewer', 'GET', '/api/runs/999')).status).toBe(404);
  });

  it('rejects bad filters and the auditor role', async () => {
    const bad = await t.call('viewer', 'GET', '/api/runs?status=done&code=oops&since=yesterday');
    expect(bad.status).toBe(400);
    const paths = (await bad.json()).error.details.issues.map((i: { path: string }) => i.path);
    expect(paths).toEqual(expect.arrayContaining(['status', 'code', 'since']));
    expect((await t.call('auditor', 'GET', '/api/runs')).status).toBe(403);
  });
});
