import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { recordChanges } from '../../../src/compare/record-changes.ts';
import { recordHealthEvent } from '../../../src/alerts/record-health-event.ts';
import { queueChangeAlerts } from '../../../src/alerts/queue-change-alerts.ts';
import { newWebhookSecret, signWebhook, verifyWebhook } from '../../../src/alerts/sign-webhook.ts';
import type { AlertRuleInput } from '../../../src/store/alerts.ts';
import { createTestApp, type TestApp } from '../../helpers/test-app.ts';
import { offerSeed, type OfferSeed } from '../../helpers/offer-seed.ts';

let t: TestApp;
let seed: OfferSeed;
let own: number;
let rival: number;
let product: number;
let ownTarget: number;
let rivalTarget: number;

const rule = (r: Partial<AlertRuleInput>) =>
  t.store.alerts.createRule({
    name: 'r',
    event: 'undercut',
    productId: null,
    businessId: null,
    minPercent: null,
    minAmount: null,
    fieldKey: null,
    webhookUrl: 'http://127.0.0.1:9/hook',
    format: 'json',
    enabled: true,
    ...r,
    secret: newWebhookSecret(),
  });
const deliveries = async () => (await t.store.alerts.listDeliveries({ limit: 100 })).items;
/** Stores a snapshot and records its changes in one unit of work, as the scheduler does. */
const ingest = (targetId: number, offer: Parameters<OfferSeed['snapshot']>[1]) =>
  t.store.transaction(async (tx) => recordChanges(tx, await offerSeed(tx).snapshot(targetId, offer)));

beforeEach(async () => {
  t = await createTestApp();
  seed = offerSeed(t.store);
  own = await seed.business('Us', true);
  rival = await seed.business('Rival');
  product = await seed.product('Espresso 250 g');
  ownTarget = await seed.target(own, product);
  rivalTarget = await seed.target(rival, product);
  await ingest(ownTarget, { price: '20.00' });
  await ingest(rivalTarget, { price: '21.00', promotions: [] });
});
afterEach(() => t.close());

describe('alert rules queue deliveries inside the snapshot transaction', () => {
  it('fires an undercut by at least X % once per change, and not below the threshold', async () => {
    const r = await rule({ event: 'undercut', minPercent: '5' });
    await ingest(rivalTarget, { price: '19.50' }); // 2.5 % under: below the threshold
    expect(await deliveries()).toHaveLength(0);
    const ids = await ingest(rivalTarget, { price: '18.00' }); // 10 % under
    const [d] = await deliveries();
    expect(d).toMatchObject({ ruleId: r.id, event: 'undercut', targetId: rivalTarget, changeId: ids[0], status: 'pending' });
    expect(d!.payload).toMatchObject({ detail: { competitor: 'Rival', competitorPrice: '18', ownPrice: '20', gap: '2', gapPercent: 10 } });
    // The rule firing again for the same change (e.g. the change evaluated twice) sends once.
    const change = { id: ids[0]!, field: 'price', kind: 'price_decrease', old: '19.5', new: '18', delta: '-1.5', deltaPercent: -7.69 };
    await queueChangeAlerts(t.store, { id: rivalTarget, productId: product }, [change]);
    expect(await deliveries()).toHaveLength(1);
  });

  it('fires undercuts when the own price rises above competitors, one per competitor', async () => {
    await rule({ event: 'undercut', minAmount: '0.50' });
    await ingest(ownTarget, { price: '22.00' });
    expect((await deliveries()).map((d) => d.payload)).toEqual([expect.objectContaining({ detail: expect.objectContaining({ gap: '1' }) })]);
  });

  it('fires price changes of competitors by percent, stock and promotion events, scoped by business', async () => {
    await rule({ event: 'price_change', minPercent: '10' });
    await rule({ event: 'out_of_stock', businessId: rival });
    await rule({ event: 'promotion_started', format: 'slack' });
    await rule({ event: 'back_in_stock', businessId: own });
    await ingest(rivalTarget, { price: '20.00' }); // −4.76 %
    expect(await deliveries()).toHaveLength(0);
    await ingest(rivalTarget, { price: '17.00', availability: 'OutOfStock', promotions: ['−15 % with code BEANS'] });
    const events = (await deliveries()).map((d) => d.event);
    expect(events.sort()).toEqual(['out_of_stock', 'price_change', 'promotion_started']);
    const slack = (await deliveries()).find((d) => d.event === 'promotion_started')!;
    expect(slack.payload).toEqual({ text: 'Rival · Espresso 250 g: promotion started — −15 % with code BEANS' });
    await ingest(rivalTarget, { price: '17.00', availability: 'InStock' });
    expect((await deliveries()).filter((d) => d.event === 'back_in_stock')).toHaveLength(0);
  });

  it('fires field changes for the watched key only', async () => {
    await rule({ event: 'field_changed', fieldKey: 'points' });
    await ingest(rivalTarget, { price: '21.00', fields: { points: { value: '5', text: '' }, other: { value: 'x', text: '' } } });
    await ingest(rivalTarget, { price: '21.00', fields: { points: { value: '5', text: '' }, other: { value: 'y', text: '' } } });
    expect(await deliveries()).toHaveLength(1);
    expect((await deliveries())[0]!.payload).toMatchObject({ change: { field: 'fields.points', old: null, new: '5' } });
  });

  it('fires once per health flip', async () => {
    await rule({ event: 'target_broken', productId: product });
    await rule({ event: 'target_recovered' });
    await recordHealthEvent(t.store, { targetId: rivalTarget, health: 'broken', reason: 'blocked_by_policy' });
    await recordHealthEvent(t.store, { targetId: rivalTarget, health: 'broken', reason: 'blocked_by_policy' });
    await recordHealthEvent(t.store, { targetId: rivalTarget, health: 'ok', reason: null });
    expect((await deliveries()).map((d) => d.event)).toEqual(['target_broken', 'target_recovered']);
    expect((await deliveries())[0]!.payload).toMatchObject({ detail: { reason: 'blocked_by_policy' } });
  });
});

describe('webhook signatures', () => {
  it('signs timestamp and body with HMAC-SHA256 and verifies within the tolerance', () => {
    const body = '{"event":"undercut"}';
    const sig = signWebhook('s3cret-s3cret-s3cret', 1_790_000_000, body);
    expect(sig).toMatch(/^v1=[0-9a-f]{64}$/);
    const headers = { timestamp: '1790000000', signature: sig };
    expect(verifyWebhook('s3cret-s3cret-s3cret', headers, body, { now: 1_790_000_100 })).toBe(true);
    expect(verifyWebhook('s3cret-s3cret-s3cret', headers, `${body} `, { now: 1_790_000_100 })).toBe(false);
    expect(verifyWebhook('other-secret-other', headers, body, { now: 1_790_000_100 })).toBe(false);
    expect(verifyWebhook('s3cret-s3cret-s3cret', headers, body, { now: 1_790_001_000 })).toBe(false);
  });
});
