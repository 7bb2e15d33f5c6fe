import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../helpers/test-app.ts';
import { seedTarget } from '../../helpers/seed-target.ts';
import { htmlEvidence } from '../../../src/store/snapshots.ts';
import { emptyOffer } from '../../../scrapers/offer.ts';

let t: TestApp;
beforeEach(async () => {
  t = await createTestApp();
});
afterEach(() => t.close());

const PAGE = '<html><body><h1>Espresso 250 g</h1><p class="price">49,99 zł</p><script>alert(1)</script></body></html>';

async function store(targetId: number, html: string, screenshot: Uint8Array | null = null) {
  const now = new Date().toISOString();
  const { run } = await t.store.runQueue.enqueue({ targetId, lane: 'static', trigger: 'manual', availableAt: now });
  await t.store.runQueue.claimById(run.id, now, { owner: 'test', until: now });
  const offer = { ...emptyOffer(), name: 'Espresso 250 g', price: '49.99', currency: 'PLN', promotions: ['-10% with code KAWA'] };
  offer.fields.loyaltyPoints = { value: '5', text: '5 pkt' };
  const id = await t.store.snapshots.insert({
    targetId,
    runId: run.id,
    capturedAt: new Date().toISOString(),
    finalUrl: 'http://127.0.0.1:9/espresso',
    offer,
    provenance: { price: 'recipe', name: 'heuristic' },
    html: htmlEvidence(html),
    screenshot: screenshot ? { type: 'image/jpeg', bytes: screenshot } : null,
  });
  const timings = { queueMs: null, fetchMs: null, extractMs: null };
  await t.store.runQueue.complete(run.id, 'test', {
    status: 'succeeded', code: null, error: null, fetchMode: 'static', timings, snapshotId: id, httpStatus: 200, finalUrl: null, robotsOverridden: false, finishedAt: now,
  });
  return id;
}

describe('snapshots API', () => {
  it('serves a snapshot with the offer as exact decimals and links to its evidence', async () => {
    const target = await seedTarget(t.store);
    const id = await store(target.id, PAGE);
    const res = await t.call('viewer', 'GET', `/api/snapshots/${id}`);
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({
      id,
      targetId: target.id,
      offer: { name: 'Espresso 250 g', price: '49.99', regularPrice: null, currency: 'PLN', promotions: ['-10% with code KAWA'], fields: { loyaltyPoints: { value: '5' } } },
      provenance: { price: 'recipe' },
      evidence: { htmlBytes: Buffer.byteLength(PAGE), htmlUrl: `/api/snapshots/${id}/evidence/html`, screenshotUrl: null },
    });
    expect(body.evidence.htmlHash).toMatch(/^[0-9a-f]{64}$/);
    expect(typeof body.runId).toBe('number');
    expect(typeof body.capturedAt).toBe('string');
  });

  it('serves the HTML sandboxed and stores identical pages once', async () => {
    const target = await seedTarget(t.store);
    const a = await store(target.id, PAGE);
    const b = await store(target.id, PAGE);
    const c = await store(target.id, PAGE.replace('49,99', '47,99'));
    const hashOf = async (id: number) => (await t.store.snapshots.get(id)).evidence.htmlHash;
    const res = await t.call('viewer', 'GET', `/api/snapshots/${b}/evidence/html`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('content-security-policy')).toBe('sandbox');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await res.text()).toBe(PAGE);
    const [sa, sb, sc] = [await hashOf(a), await hashOf(b), await hashOf(c)];
    expect(sa).toBe(sb);
    expect(sc).not.toBe(sa);
  });

  it('serves a screenshot as an image and 404s when there is none', async () => {
    const target = await seedTarget(t.store);
    const jpeg = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 0xff, 0xd9]);
    const withShot = await store(target.id, PAGE, jpeg);
    const without = await store(target.id, PAGE);
    const res = await t.call('viewer', 'GET', `/api/snapshots/${withShot}/evidence/screenshot`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/jpeg');
    expect(new Uint8Array(await res.arrayBuffer())).toEqual(jpeg);
    expect((await t.call('viewer', 'GET', `/api/snapshots/${without}/evidence/screenshot`)).status).toBe(404);
    expect((await t.call('viewer', 'GET', '/api/snapshots/999')).status).toBe(404);
  });

  it("lists a target's snapshots newest first with a cursor, for read roles only", async () => {
    const target = await seedTarget(t.store);
    const ids = [await store(target.id, PAGE), await store(target.id, PAGE), await store(target.id, PAGE)];
    const page1 = await (await t.call('viewer', 'GET', `/api/targets/${target.id}/snapshots?limit=2`)).json();
    expect(page1.items.map((s: { id: number }) => s.id)).toEqual([ids[2], ids[1]]);
    const page2 = await (await t.call('marketer', 'GET', `/api/targets/${target.id}/snapshots?limit=2&cursor=${page1.nextCursor}`)).json();
    expect(page2.items.map((s: { id: number }) => s.id)).toEqual([ids[0]]);
    expect(page2.nextCursor).toBeNull();
    expect((await t.call('auditor', 'GET', `/api/targets/${target.id}/snapshots`)).status).toBe(403);
    expect((await t.call('auditor', 'GET', `/api/snapshots/${ids[0]}/evidence/html`)).status).toBe(403);
    expect((await t.call('viewer', 'GET', '/api/targets/999/snapshots')).status).toBe(404);
  });
});
