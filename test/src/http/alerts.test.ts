import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { recordHealthEvent } from '../../../src/alerts/record-health-event.ts';
import { createDispatcher } from '../../../src/alerts/dispatcher.ts';
import { webhookUrlProblem } from '../../../src/alerts/webhook-url.ts';
import { createTestApp, type TestApp } from '../../helpers/test-app.ts';
import { offerSeed } from '../../helpers/offer-seed.ts';
import { startWebhookReceiver, type WebhookReceiver } from '../../helpers/webhook-receiver.ts';

let t: TestApp;
let receiver: WebhookReceiver;
let productId: number;
let targetId: number;

beforeEach(async () => {
  t = await createTestApp({ allowHosts: ['127.0.0.1'] });
  receiver = await startWebhookReceiver([500]);
  const seed = offerSeed(t.store);
  productId = await seed.product('Espresso 250 g');
  targetId = await seed.target(await seed.business('Rival'), productId);
});
afterEach(async () => {
  await receiver.close();
  await t.close();
});

describe('/api/alert-rules', () => {
  it('creates a rule showing its secret once, then reads, changes and deletes it', async () => {
    const res = await t.call('marketer', 'POST', '/api/alert-rules', {
      name: 'Undercut by 5 %',
      event: 'undercut',
      productId,
      minPercent: '5',
      webhookUrl: receiver.url,
      format: 'slack',
    });
    expect(res.status).toBe(201);
    const rule = await res.json();
    expect(rule).toMatchObject({ event: 'undercut', productId, businessId: null, minPercent: '5', format: 'slack', enabled: true });
    expect(rule.secret).toMatch(/^[\w-]{32}$/);
    const got = await (await t.call('viewer', 'GET', `/api/alert-rules/${rule.id}`)).json();
    expect(got).not.toHaveProperty('secret');
    const patched = await (await t.call('admin', 'PATCH', `/api/alert-rules/${rule.id}`, { enabled: false, minAmount: '1.50' })).json();
    expect(patched).toMatchObject({ enabled: false, minAmount: '1.50', minPercent: '5' });
    expect((await t.call('viewer', 'GET', '/api/alert-rules')).status).toBe(200);
    expect((await t.call('viewer', 'DELETE', `/api/alert-rules/${rule.id}`)).status).toBe(403);
    expect((await t.call('marketer', 'DELETE', `/api/alert-rules/${rule.id}`)).status).toBe(204);
    expect((await t.call('viewer', 'GET', `/api/alert-rules/${rule.id}`)).status).toBe(404);
  });

  it('refuses webhook URLs to private or loopback addresses that are not allow-listed, and bad fields', async () => {
    const post = (body: object) => t.call('marketer', 'POST', '/api/alert-rules', { name: 'x', event: 'out_of_stock', ...body });
    const bad = await post({ webhookUrl: 'http://192.168.1.10/hook', minPercent: 'ten' });
    expect(bad.status).toBe(400);
    const issues = (await bad.json()).error.details.issues.map((i: { path: string }) => i.path);
    expect(issues).toEqual(expect.arrayContaining(['webhookUrl', 'minPercent']));
    expect((await post({ webhookUrl: 'file:///etc/passwd' })).status).toBe(400);
    expect((await post({ webhookUrl: 'http://user:pw@hooks.example/x' })).status).toBe(400);
    expect((await post({ webhookUrl: 'http://[::1]:1/x' })).status).toBe(400);
    expect(webhookUrlProblem('http://localhost:1/x', [])).toMatch(/loopback/);
    expect(webhookUrlProblem('http://127.0.0.1:1/x', ['127.0.0.1'])).toBeNull();
    expect((await post({ webhookUrl: 'https://hooks.example/x', productId: 999 })).status).toBe(422);
  });
});

describe('/api/alert-deliveries', () => {
  it('shows each delivery with its attempt log', async () => {
    const rule = await (
      await t.call('marketer', 'POST', '/api/alert-rules', { name: 'broken', event: 'target_broken', webhookUrl: receiver.url })
    ).json();
    await recordHealthEvent(t.store, { targetId, health: 'broken', reason: 'timeout' });
    const dispatcher = createDispatcher(t.store, { allowHosts: t.config.allowHosts, backoffMs: 0, maxAttempts: 3 });
    await dispatcher.runOnce();
    await dispatcher.runOnce();
    const page = await (await t.call('viewer', 'GET', `/api/alert-deliveries?ruleId=${rule.id}`)).json();
    expect(page.items).toHaveLength(1);
    const d = page.items[0];
    expect(d).toMatchObject({ ruleId: rule.id, event: 'target_broken', targetId, status: 'delivered', attempts: 2 });
    expect(d.log).toEqual([
      expect.objectContaining({ attempt: 1, statusCode: 500, ok: false, error: 'HTTP 500' }),
      expect.objectContaining({ attempt: 2, statusCode: 200, ok: true, error: null }),
    ]);
    expect(await (await t.call('viewer', 'GET', `/api/alert-deliveries/${d.id}`)).json()).toEqual(d);
    expect((await (await t.call('viewer', 'GET', '/api/alert-deliveries?status=failed')).json()).items).toEqual([]);
  });
});
