import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDispatcher } from '../../../src/alerts/dispatcher.ts';
import { recordHealthEvent } from '../../../src/alerts/record-health-event.ts';
import { newWebhookSecret, SIGNATURE_HEADER, TIMESTAMP_HEADER, verifyWebhook } from '../../../src/alerts/sign-webhook.ts';
import { createTestApp, type TestApp } from '../../helpers/test-app.ts';
import { offerSeed } from '../../helpers/offer-seed.ts';
import { startWebhookReceiver, type WebhookReceiver } from '../../helpers/webhook-receiver.ts';

let t: TestApp;
let receiver: WebhookReceiver;
let targetId: number;

/** A rule for broken targets, with its signing secret. */
async function brokenRule(webhookUrl: string) {
  const secret = newWebhookSecret();
  const rule = await t.store.alerts.createRule({
    name: 'broken pages',
    event: 'target_broken',
    productId: null,
    businessId: null,
    minPercent: null,
    minAmount: null,
    fieldKey: null,
    webhookUrl,
    format: 'json',
    enabled: true,
    secret,
  });
  return { ...rule, secret };
}

beforeEach(async () => {
  t = await createTestApp({ allowHosts: ['127.0.0.1'] });
  const seed = offerSeed(t.store);
  targetId = await seed.target(await seed.business('Rival'), await seed.product('Espresso'));
});
afterEach(async () => {
  await receiver?.close();
  await t.close();
});

describe('alert dispatcher', () => {
  it('retries with backoff until the receiver accepts, logging every attempt, and signs each post', async () => {
    receiver = await startWebhookReceiver([500, 503]);
    const { secret } = await brokenRule(receiver.url);
    await recordHealthEvent(t.store, { targetId, health: 'broken', reason: 'http_5xx' });
    const dispatcher = createDispatcher(t.store, { allowHosts: t.config.allowHosts, backoffMs: 0, maxAttempts: 5 });
    for (let i = 0; i < 4; i++) await dispatcher.runOnce();
    const [d] = (await t.store.alerts.listDeliveries({ limit: 10 })).items;
    expect(d).toMatchObject({ status: 'delivered', attempts: 3, lastError: null });
    expect(d!.log.map((a) => [a.attempt, a.statusCode, a.ok])).toEqual([
      [1, 500, false],
      [2, 503, false],
      [3, 200, true],
    ]);
    expect(receiver.received).toHaveLength(3);
    for (const post of receiver.received) {
      expect(post.headers['content-type']).toBe('application/json');
      const headers = { timestamp: post.headers[TIMESTAMP_HEADER] as string, signature: post.headers[SIGNATURE_HEADER] as string };
      expect(verifyWebhook(secret, headers, post.body)).toBe(true);
      expect(JSON.parse(post.body)).toMatchObject({ event: 'target_broken', target: { targetId }, detail: { reason: 'http_5xx' } });
    }
    await dispatcher.stop();
  });

  it('gives up after the last attempt', async () => {
    receiver = await startWebhookReceiver([500, 500, 500]);
    await brokenRule(receiver.url);
    await recordHealthEvent(t.store, { targetId, health: 'broken', reason: null });
    const dispatcher = createDispatcher(t.store, { allowHosts: t.config.allowHosts, backoffMs: 0, maxAttempts: 2 });
    for (let i = 0; i < 3; i++) await dispatcher.runOnce();
    const [d] = (await t.store.alerts.listDeliveries({ limit: 10 })).items;
    expect(d).toMatchObject({ status: 'failed', attempts: 2, lastError: 'HTTP 500', nextAttemptAt: null });
    expect(receiver.received).toHaveLength(2);
  });

  it('waits for the backoff before retrying', async () => {
    receiver = await startWebhookReceiver([500]);
    await brokenRule(receiver.url);
    await recordHealthEvent(t.store, { targetId, health: 'broken', reason: null });
    const dispatcher = createDispatcher(t.store, { allowHosts: t.config.allowHosts, backoffMs: 3600_000, maxAttempts: 5, random: () => 0.5 });
    expect(await dispatcher.runOnce()).toBe(1);
    expect(await dispatcher.runOnce()).toBe(0);
    const [d] = (await t.store.alerts.listDeliveries({ limit: 10 })).items;
    expect(d).toMatchObject({ status: 'pending', attempts: 1 });
    expect(Date.parse(d!.nextAttemptAt!) - Date.now()).toBeGreaterThan(3500_000);
  });

  it('refuses webhook addresses the SSRF guard blocks, without connecting', async () => {
    receiver = await startWebhookReceiver();
    await brokenRule('http://10.1.2.3/hook');
    await recordHealthEvent(t.store, { targetId, health: 'broken', reason: null });
    const dispatcher = createDispatcher(t.store, { allowHosts: t.config.allowHosts, backoffMs: 0, maxAttempts: 1 });
    await dispatcher.runOnce();
    const [d] = (await t.store.alerts.listDeliveries({ limit: 10 })).items;
    expect(d).toMatchObject({ status: 'failed' });
    expect(d!.log[0]).toMatchObject({ statusCode: null, ok: false, error: expect.stringMatching(/10\.1\.2\.3.*private/) });
  });
});
