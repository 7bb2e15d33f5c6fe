import { emptyOffer, type FieldValue, type Offer } from '../../scrapers/offer.ts';
import { recordChanges } from '../../src/compare/record-changes.ts';
import type { Store } from '../../src/store/store.ts';
import { offerSeed } from '../helpers/offer-seed.ts';

const points = (n: number): Record<string, FieldValue> => ({ points: { value: String(n), text: `${n} points` } });
const RECIPE = { fields: [{ key: 'points', label: 'Loyalty points', selector: '.points', type: 'number' as const, better: 'higher' as const }] };

/**
 * A small shop against two competitors, seeded through the store as runs would leave it:
 * - Espresso machine: us 100, Alpha 95 → 90 (undercuts us, index 90), Beta 110 (index 110)
 * - Coffee grinder: us 50, Alpha 60 (120), Beta 55 (110) with a promotion that started → we are cheapest
 * - Milk frother: us 30, Alpha has no price, Beta out of stock at 35 (index 116.67) → only we sell it in stock
 * - Descaler: us 20 (10 points), Alpha 20 reduced from 25 (12 points, index 100), Beta 5 EUR (currency mismatch)
 * - Tamper: Alpha only, read 2 days ago on an hourly schedule → stale
 * - a broken Beta target (http_404) for a Scale nobody else sells
 * Averages: Alpha (90 + 120 + 100) / 3 = 103.33; Beta (110 + 110 + 116.67) / 3 = 112.22.
 */
export async function seedOffers(store: Store) {
  const seed = offerSeed(store);
  const ingest = (targetId: number, offer: Partial<Offer> & { capturedAt?: string }) =>
    store.transaction(async (tx) => {
      const { capturedAt = new Date().toISOString(), ...values } = offer;
      const id = await tx.snapshots.insert({
        targetId,
        runId: null,
        capturedAt,
        finalUrl: null,
        offer: { ...emptyOffer(), currency: 'PLN', availability: 'InStock', ...values },
        provenance: {},
        html: null,
        screenshot: null,
      });
      await recordChanges(tx, id);
      return id;
    });
  const ago = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();

  const us = await seed.business('Our Shop', true);
  const alpha = await seed.business('Alpha Store');
  const beta = await seed.business('Beta Market');
  const espresso = await seed.product('Espresso machine');
  const grinder = await seed.product('Coffee grinder');
  const frother = await seed.product('Milk frother');
  const descaler = await seed.product('Descaler');
  const tamper = await seed.product('Tamper');
  const scale = await seed.product('Scale');
  const target = (b: number, p: number, recipe = false) => seed.target(b, p, recipe ? { recipe: RECIPE } : {});

  await ingest(await target(us, espresso), { price: '100.00' });
  const alphaEspresso = await target(alpha, espresso);
  await ingest(alphaEspresso, { price: '95.00', capturedAt: ago(60) });
  await ingest(alphaEspresso, { price: '90.00', capturedAt: ago(5) });
  await ingest(await target(beta, espresso), { price: '110.00' });

  await ingest(await target(us, grinder), { price: '50.00' });
  await ingest(await target(alpha, grinder), { price: '60.00' });
  const betaGrinder = await target(beta, grinder);
  await ingest(betaGrinder, { price: '55.00', capturedAt: ago(30) });
  await ingest(betaGrinder, { price: '55.00', promotions: ['Free grinder brush'], capturedAt: ago(3) });

  await ingest(await target(us, frother), { price: '30.00' });
  await ingest(await target(alpha, frother), { price: null });
  await ingest(await target(beta, frother), { price: '35.00', availability: 'OutOfStock' });

  await ingest(await target(us, descaler, true), { price: '20.00', fields: points(10) });
  await ingest(await target(alpha, descaler, true), { price: '20.00', regularPrice: '25.00', fields: points(12) });
  await ingest(await target(beta, descaler), { price: '5.00', currency: 'EUR' });

  await ingest(await target(alpha, tamper), { price: '40.00', capturedAt: ago(2 * 24 * 60) });

  const broken = await target(beta, scale);
  await store.targets.markFailed(broken, { reason: 'http_404: Not Found', brokenAfter: 1 });
  return { us, alpha, beta };
}
