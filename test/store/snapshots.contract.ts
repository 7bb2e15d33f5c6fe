import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { emptyOffer, type Offer } from '../../scrapers/offer.ts';
import { htmlEvidence, type SnapshotInput } from '../../src/store/snapshots.ts';
import type { StoreHandle } from '../../src/store/store.ts';
import type { StoreFactory } from '../helpers/store-factory.ts';
import { seedTarget } from '../helpers/seed-target.ts';

const PAGE = '<html><body><p class="price">49,99 zł</p></body></html>';
const day = (d: number) => `2026-11-${String(d).padStart(2, '0')}T08:00:00.000Z`;

/** What every backend's SnapshotStore must do: offers as captured, evidence kept once per page. */
export function snapshotsContract(open: StoreFactory) {
  describe('snapshots', () => {
    let store: StoreHandle;
    let targetId: number;
    beforeEach(async () => {
      store = await open();
      targetId = (await seedTarget(store)).id;
    });
    afterEach(() => store.close());

    const input = (offer: Partial<Offer> = {}, more: Partial<SnapshotInput> = {}): SnapshotInput => ({
      targetId,
      runId: null,
      capturedAt: day(1),
      finalUrl: null,
      offer: { ...emptyOffer(), ...offer },
      provenance: {},
      html: null,
      screenshot: null,
      ...more,
    });

    it('reads an offer back exactly as stored, with its evidence', async () => {
      const offer: Offer = {
        name: 'Espresso 250 g',
        price: '49.90',
        regularPrice: '59.00',
        currency: 'PLN',
        availability: 'InStock',
        sku: 'E-250',
        gtin: '5901234123457',
        brand: 'Kawa',
        promotions: ['-10% with code KAWA'],
        fields: { points: { value: '5', text: '5 pkt' }, freeShipping: { value: '150', currency: 'PLN', text: 'od 150 zł' } },
      };
      const jpeg = Uint8Array.from([0xff, 0xd8, 1, 2, 0xff, 0xd9]);
      const id = await store.snapshots.insert(
        input(offer, { finalUrl: 'https://rival.example/e', provenance: { price: 'recipe' }, html: htmlEvidence(PAGE), screenshot: { type: 'image/jpeg', bytes: jpeg } }),
      );
      expect(await store.snapshots.get(id)).toEqual({
        id,
        targetId,
        runId: null,
        capturedAt: day(1),
        finalUrl: 'https://rival.example/e',
        offer,
        provenance: { price: 'recipe' },
        evidence: { htmlHash: htmlEvidence(PAGE).hash, htmlBytes: Buffer.byteLength(PAGE), screenshotType: 'image/jpeg', screenshotBytes: jpeg.length },
      });
      expect(await store.snapshots.html(id)).toBe(PAGE);
      expect(await store.snapshots.screenshot(id)).toEqual({ type: 'image/jpeg', bytes: Buffer.from(jpeg) });
    });

    it('keeps identical pages once, tells missing evidence from a missing snapshot', async () => {
      const a = await store.snapshots.insert(input({}, { html: htmlEvidence(PAGE) }));
      const b = await store.snapshots.insert(input({}, { html: htmlEvidence(PAGE), capturedAt: day(2) }));
      const bare = await store.snapshots.insert(input());
      expect((await store.snapshots.get(b)).evidence.htmlHash).toBe((await store.snapshots.get(a)).evidence.htmlHash);
      expect(await store.snapshots.html(b)).toBe(PAGE);
      expect(await store.snapshots.html(bare)).toBeNull();
      expect(await store.snapshots.screenshot(bare)).toBeNull();
      expect((await store.snapshots.get(bare)).evidence).toEqual({ htmlHash: null, htmlBytes: null, screenshotType: null, screenshotBytes: null });
      await expect(store.snapshots.get(bare + 100)).rejects.toMatchObject({ code: 'not_found' });
      await expect(store.snapshots.html(bare + 100)).rejects.toMatchObject({ code: 'not_found' });
      await expect(store.snapshots.screenshot(bare + 100)).rejects.toMatchObject({ code: 'not_found' });
    });

    it("lists a target's snapshots newest first a page at a time, and knows the latest", async () => {
      expect(await store.snapshots.latest(targetId)).toBeNull();
      const ids = [];
      for (const d of [1, 2, 3]) ids.push(await store.snapshots.insert(input({ price: `${d}.00` }, { capturedAt: day(d) })));
      const other = await seedTarget(store);
      await store.snapshots.insert(input({}, { targetId: other.id }));
      const first = await store.snapshots.listForTarget(targetId, { limit: 2 });
      expect(first.items.map((s) => s.id)).toEqual([ids[2], ids[1]]);
      expect(first.nextAfter).not.toBeNull();
      const rest = await store.snapshots.listForTarget(targetId, { after: ids[1], limit: 2 });
      expect(rest).toEqual({ items: [expect.objectContaining({ id: ids[0] })], nextAfter: null });
      expect((await store.snapshots.latest(targetId))?.offer.price).toBe('3.00');
    });

    it('gives the history of a time range oldest first, at most the latest `limit`', async () => {
      for (const d of [1, 2, 3, 4]) await store.snapshots.insert(input({ price: `${d}.00`, promotions: d === 3 ? ['-5%'] : [] }, { capturedAt: day(d) }));
      const prices = async (range: { since?: string; until?: string; limit: number }) =>
        (await store.snapshots.history(targetId, range)).map((p) => p.values.price);
      expect(await prices({ limit: 10 })).toEqual(['1.00', '2.00', '3.00', '4.00']);
      expect(await prices({ limit: 2 })).toEqual(['3.00', '4.00']);
      expect(await prices({ since: day(2), until: day(4), limit: 10 })).toEqual(['2.00', '3.00']);
      const [point] = await store.snapshots.history(targetId, { since: day(3), until: day(4), limit: 1 });
      expect(point).toEqual({
        id: expect.any(Number),
        targetId,
        capturedAt: day(3),
        values: { name: null, price: '3.00', regularPrice: null, currency: null, availability: null, promotions: ['-5%'], fields: {} },
      });
    });
  });
}
