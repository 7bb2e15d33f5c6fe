import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../helpers/test-app.ts';
import { seedTarget } from '../../helpers/seed-target.ts';
import { runsRepo } from '../../../src/db/runs.ts';
import { htmlEvidence, snapshotsRepo } from '../../../src/db/snapshots.ts';
import { emptyOffer } from '../../../scrapers/offer.ts';

let t: TestApp;
beforeEach(() => {
  t = createTestApp();
});
afterEach(() => t.close());

const PAGE = '<html><body><h1>Espresso 250 g</h1><p class="price">49,99 zł</p><script>alert(1)</script></body></html>';

function store(targetId: number, html: string, screenshot: Uint8Array | null = null) {
  const run = runsRepo(t.db).enqueue(targetId, 'manual', { availableAt: new Date().toISOString() }).run;
  t.db.prepare(`UPDATE runs SET status = 'succeeded' WHERE id = ?`).run(run.id);
  const offer = { ...emptyOffer(), name: 'Espresso 250 g', price: '49.99', currency: 'PLN', promotions: ['-10% with code KAWA'] };
  offer.fields.loyaltyPoints = { value: '5', text: '5 pkt' };
  return snapshotsRepo(t.db).insert({
    targetId,
    runId: run.id,
    capturedAt: new Date().toISOString(),
    finalUrl: 'http://127.0.0.1:9/espresso',
    offer,
    provenance: { price: 'recipe', name: 'heuristic' },
    html: htmlEvidence(html),
    screenshot: screenshot ? { type: 'image/jpeg', bytes: screenshot } : null,
  });
}

describe('snapshots API', () => {
  it('serves a snapshot with the offer as exact decimals and links to its evidence', async () => {
    const target = seedTarget(t.db);
    const id = store(target.id, PAGE);
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
    const target = seedTarget(t.db);
    const a = store(target.id, PAGE);
    const b = store(target.id, PAGE);
    store(target.id, PAGE.replace('49,99', '47,99'));
    expect(t.db.prepare('SELECT count(*) FROM evidence').pluck().get()).toBe(2);
    const res = await t.call('viewer', 'GET', `/api/snapshots/${b}/evidence/html`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('content-security-policy')).toBe('sandbox');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await res.text()).toBe(PAGE);
    const [sa, sb] = [a, b].map((id) => snapshotsRepo(t.db).get(id).evidence.htmlHash);
    expect(sa).toBe(sb);
  });

  it('serves a screenshot as an image and 404s when there is none', async () => {
    const target = seedTarget(t.db);
    const jpeg = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 0xff, 0xd9]);
    const withShot = store(target.id, PAGE, jpeg);
    const without = store(target.id, PAGE);
    const res = await t.call('viewer', 'GET', `/api/snapshots/${withShot}/evidence/screenshot`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/jpeg');
    expect(new Uint8Array(await res.arrayBuffer())).toEqual(jpeg);
    expect((await t.call('viewer', 'GET', `/api/snapshots/${without}/evidence/screenshot`)).status).toBe(404);
    expect((await t.call('viewer', 'GET', '/api/snapshots/999')).status).toBe(404);
  });

  it("lists a target's snapshots newest first with a cursor, for read roles only", async () => {
    const target = seedTarget(t.db);
    const ids = [store(target.id, PAGE), store(target.id, PAGE), store(target.id, PAGE)];
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
