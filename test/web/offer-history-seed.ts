import { emptyOffer } from '../../scrapers/offer.ts';
import { recordChanges } from '../../src/compare/record-changes.ts';
import { htmlEvidence } from '../../src/store/snapshots.ts';
import type { Store } from '../../src/store/store.ts';
import { offerSeed } from '../helpers/offer-seed.ts';

const HOUR = 3_600_000;
/** A 1×1 PNG: the screenshot evidence of Rival A's latest capture unless the test brings its own. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
/** Rival A's stored page: a stranger's HTML with a script in it. */
export const RIVAL_HTML = '<html><body><h1>Rival page</h1><script>window.parent.pwned = true</script></body></html>';

/**
 * A product watched at three businesses, captured over three days before `day` (UTC midnight) and around it:
 * own 499 → 479 with a promotion (day − 14 h); Rival A 520 → 510, out of stock, renamed, with evidence
 * (day − 30 min); Rival B 530 → 540 (day + 30 min). Changes are recorded as a run would record them.
 */
export async function seedOfferHistory(store: Store, day: number, screenshot: Uint8Array = PNG) {
  const seed = offerSeed(store);
  const at = (ms: number) => new Date(day + ms).toISOString();
  const own = await seed.business('Our Shop', true);
  const rivalA = await seed.business('Rival "A" </script><b>');
  const rivalB = await seed.business('Rival B');
  const grinder = (await store.products.create({ name: 'Espresso Grinder X', sku: 'EGX-1', gtin: null })).id;
  const frother = await seed.product('Milk Frother');
  const [tOwn, tA, tB] = [await seed.target(own, grinder), await seed.target(rivalA, grinder), await seed.target(rivalB, grinder)];
  const record = async (id: Promise<number>) => recordChanges(store, await id);

  await record(seed.snapshot(tOwn, { price: '499.00', capturedAt: at(-48 * HOUR + 10 * HOUR) }));
  await record(seed.snapshot(tA, { price: '520.00', name: 'Espresso Grinder X black, 2024 model', capturedAt: at(-48 * HOUR + 11 * HOUR) }));
  await record(seed.snapshot(tB, { price: '530.00', capturedAt: at(-48 * HOUR + 12 * HOUR) }));
  await record(seed.snapshot(tOwn, { price: '479.00', promotions: ['Free delivery'], capturedAt: at(-14 * HOUR) }));
  const rivalALatest = store.snapshots.insert({
    targetId: tA,
    runId: null,
    capturedAt: at(-HOUR / 2),
    finalUrl: null,
    offer: { ...emptyOffer(), name: 'Espresso Grinder X matte black edition', price: '510.00', currency: 'PLN', availability: 'OutOfStock' },
    provenance: {},
    html: htmlEvidence(RIVAL_HTML),
    screenshot: { type: 'image/png', bytes: screenshot },
  });
  await record(rivalALatest);
  await record(seed.snapshot(tB, { price: '540.00', capturedAt: at(HOUR / 2) }));
  await record(seed.snapshot(tOwn, { price: '479.00', promotions: ['Free delivery'], capturedAt: at(10 * HOUR) }));
  return { own, rivalA, rivalB, grinder, frother, targets: { own: tOwn, rivalA: tA, rivalB: tB }, rivalALatest: await rivalALatest };
}

/** UTC midnight `days` days before now. */
export const utcMidnightDaysAgo = (days: number) => {
  const d = new Date(Date.now() - days * 24 * HOUR);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());
};
