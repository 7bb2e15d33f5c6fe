import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { emptyOffer, type Offer } from '../../../scrapers/offer.ts';
import { recipeSchema } from '../../../scrapers/recipe.ts';
import { recordChanges } from '../../../src/compare/record-changes.ts';
import { createTestApp, type TestApp } from '../../helpers/test-app.ts';
import { seedTarget } from '../../helpers/seed-target.ts';

let t: TestApp;
let rival: number;
let product: number;
let rivalTarget: number;
let otherTarget: number;

/** Stores a snapshot (in PLN and in stock unless said otherwise) and records its changes, as a run does. */
const ingest = (targetId: number, { capturedAt, ...offer }: Partial<Offer> & { capturedAt: string }) =>
  t.store.transaction(async (tx) => {
    const values = { ...emptyOffer(), currency: 'PLN', availability: 'InStock' as const, ...offer };
    const id = await tx.snapshots.insert({ targetId, runId: null, capturedAt, finalUrl: null, offer: values, provenance: {}, html: null, screenshot: null });
    return recordChanges(tx, id);
  });
const day = (d: number) => `2026-11-${String(d).padStart(2, '0')}T08:00:00.000Z`;

beforeEach(async () => {
  t = await createTestApp();
  const recipe = recipeSchema.parse({ fields: [{ key: 'points', selector: '.p', type: 'number', better: 'higher' }] });
  const rivals = await seedTarget(t.store, { recipe });
  ({ businessId: rival, productId: product, id: rivalTarget } = rivals);
  otherTarget = (await seedTarget(t.store)).id;
  await ingest(rivalTarget, { price: '20.00', capturedAt: day(1), fields: { points: { value: '5', text: '' } } });
  await ingest(otherTarget, { price: '9.99', capturedAt: day(1) });
  await ingest(rivalTarget, { price: '18.00', capturedAt: day(2), fields: { points: { value: '5', text: '' } } });
  await ingest(otherTarget, { price: '9.99', name: '=1+1', capturedAt: day(2), promotions: ['=HYPERLINK("http://evil.example","x")'] });
  await ingest(rivalTarget, { price: '18.00', availability: 'OutOfStock', capturedAt: day(3), fields: { points: { value: '7', text: '' } } });
});
afterEach(() => t.close());

describe('GET /api/changes', () => {
  it('lists changes in the documented shape, filtered and paged by cursor', async () => {
    const res = await t.call('viewer', 'GET', `/api/changes?businessId=${rival}&limit=2`);
    expect(res.status).toBe(200);
    const page = await res.json();
    expect(page.items[0]).toEqual({
      id: expect.any(Number),
      targetId: rivalTarget,
      field: 'price',
      old: '20',
      new: '18',
      delta: '-2',
      deltaPercent: -10,
      kind: 'price_decrease',
      snapshotId: expect.any(Number),
      previousSnapshotId: expect.any(Number),
      detectedAt: day(2),
    });
    expect(page.items).toHaveLength(2);
    const next = await (await t.call('viewer', 'GET', `/api/changes?businessId=${rival}&limit=2&cursor=${page.nextCursor}`)).json();
    expect(next.items.map((c: { kind: string }) => c.kind)).toEqual(['field_changed']);
    expect(next.nextCursor).toBeNull();
    expect(page.items[1].kind).toBe('out_of_stock');
  });

  it('filters by product, target, field, kind and time', async () => {
    const kinds = async (q: string) =>
      (await (await t.call('viewer', 'GET', `/api/changes?${q}`)).json()).items.map((c: { kind: string }) => c.kind);
    expect(await kinds(`productId=${product}`)).toEqual(['price_decrease', 'out_of_stock', 'field_changed']);
    expect(await kinds(`targetId=${otherTarget}`)).toEqual(['promotion_started', 'name_changed']);
    expect(await kinds('field=fields.points')).toEqual(['field_changed']);
    expect(await kinds('kind=out_of_stock')).toEqual(['out_of_stock']);
    expect(await kinds(`since=${encodeURIComponent('2026-11-03T09:00:00+01:00')}`)).toEqual(['out_of_stock', 'field_changed']);
    expect(await kinds(`until=${day(3)}&businessId=${rival}`)).toEqual(['price_decrease']);
    expect((await t.call('viewer', 'GET', '/api/changes?kind=price_up')).status).toBe(400);
    expect((await t.call(null, 'GET', '/api/changes')).status).toBe(401);
    expect((await t.call('auditor', 'GET', '/api/changes')).status).toBe(403);
  });

  it('exports CSV safe against formula injection, and JSON', async () => {
    const res = await t.call('marketer', 'GET', '/api/changes/export?format=csv');
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    const lines = (await res.text()).split('\r\n');
    expect(lines[0]).toBe('id,targetId,field,kind,old,new,delta,deltaPercent,snapshotId,previousSnapshotId,detectedAt');
    expect(lines).toHaveLength(7);
    expect(lines.find((l) => l.includes('name_changed'))).toMatch(/,name_changed,,'=1\+1,/);
    expect(lines.find((l) => l.includes('promotion_started'))).toContain(`"'=HYPERLINK(""http://evil.example"",""x"")"`);
    expect(lines.find((l) => l.includes('price_decrease'))).toContain(',20,18,-2,-10,');
    const json = await (await t.call('marketer', 'GET', `/api/changes/export?format=json&targetId=${rivalTarget}`)).json();
    expect(json.map((c: { kind: string }) => c.kind)).toEqual(['price_decrease', 'out_of_stock', 'field_changed']);
  });
});

describe('GET /api/targets/:id/history', () => {
  it('gives a series per field, oldest first', async () => {
    const res = await t.call('viewer', 'GET', `/api/targets/${rivalTarget}/history?since=${day(2)}`);
    expect(res.status).toBe(200);
    const h = await res.json();
    const series = Object.fromEntries(h.series.map((s: { field: string; points: unknown[] }) => [s.field, s.points]));
    expect(series.price.map((p: { value: string }) => p.value)).toEqual(['18.00', '18.00']);
    expect(series.availability.map((p: { value: string }) => p.value)).toEqual(['InStock', 'OutOfStock']);
    expect(series['fields.points'].map((p: { value: string; at: string }) => [p.at, p.value])).toEqual([
      [day(2), '5'],
      [day(3), '7'],
    ]);
    expect((await t.call('viewer', 'GET', '/api/targets/9999/history')).status).toBe(404);
  });
});
