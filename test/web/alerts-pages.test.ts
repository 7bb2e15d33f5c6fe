import type { Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDispatcher } from '../../src/alerts/dispatcher.ts';
import { createPerson } from '../../src/people/manage-people.ts';
import { startWebhookReceiver, type WebhookReceiver } from '../helpers/webhook-receiver.ts';
import { useWebHarness } from './web-harness.ts';

// the webhook receiver listens on 127.0.0.1, which only the allow-list lets a rule post to
const web = useWebHarness({ allowHosts: ['127.0.0.1'] });
const MARKETER = { email: 'marketer@shop.test', password: 'marketer password 123' };
const VIEWER = { email: 'viewer@shop.test', password: 'viewer password 123' };
let receiver: WebhookReceiver;

beforeAll(async () => {
  receiver = await startWebhookReceiver([500]); // the first post fails, the retry succeeds
  await createPerson(web.app.store, { ...MARKETER, role: 'marketer', displayName: 'Mark Marketer' });
  await createPerson(web.app.store, { ...VIEWER, role: 'viewer', displayName: 'Vera Viewer' });
});
afterAll(() => receiver?.close());

async function signedIn(credentials: { email: string; password: string }, path: string): Promise<Page> {
  const page = await web.newPage();
  await page.goto(path);
  await web.signIn(page, credentials);
  return page;
}

/** The service's dispatcher, one pass (the test app runs none). */
const dispatchOnce = () => createDispatcher(web.app.store, { allowHosts: ['127.0.0.1'], backoffMs: 0, maxAttempts: 3, random: () => 0 }).runOnce();

describe('alerts pages', () => {
  it('refuses a webhook URL the API refuses, next to the field', async () => {
    const page = await signedIn(MARKETER, '/alerts/new');
    await page.getByLabel('Name').fill('Private hook');
    await page.getByLabel('Webhook URL').fill('http://10.1.2.3/hook');
    await page.getByRole('button', { name: 'Add the rule' }).click();
    await expect.poll(() => page.locator('#rule-webhookUrl-error').textContent()).toContain('10.1.2.3 is not allowed');
    expect((await web.app.store.alerts.listRules({ limit: 10 })).items).toEqual([]);
    await web.expectAccessible(page);
    await web.screenshots(page, 'alert-rule-errors');
    web.expectNoConsoleErrors(page);
  });

  it('creates a rule, sends a test, and logs each attempt with status code, error and duration', async () => {
    const page = await signedIn(MARKETER, '/alerts');
    expect(await page.getByRole('heading', { name: 'No alert rules yet' }).count()).toBe(1);
    await web.expectAccessible(page);
    await web.screenshots(page, 'alerts-empty');

    await page.getByRole('link', { name: 'Add a rule' }).click();
    await page.getByLabel('Name').fill('Price watch');
    await page.getByLabel('When').selectOption('price_change');
    await page.getByLabel('At least this percent').fill('5');
    await page.getByLabel('Webhook URL').fill(receiver.url);
    await page.getByRole('button', { name: 'Add the rule' }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'Signing secret for Price watch' }).count()).toBe(1);
    const secret = await page.locator('#new-secret').inputValue();
    expect(secret.length).toBeGreaterThanOrEqual(16);
    const [rule] = (await web.app.store.alerts.listRules({ limit: 10 })).items;
    expect(rule).toMatchObject({ name: 'Price watch', event: 'price_change', minPercent: '5', webhookUrl: receiver.url });

    await page.getByRole('button', { name: 'Send a test for Price watch' }).click();
    await expect.poll(() => page.getByRole('status').first().textContent()).toContain('A test post for Price watch is queued');
    expect(await page.locator('.deliveries-table').textContent()).toContain('not tried yet');

    expect(await dispatchOnce()).toBe(1); // answered 500: retried later
    expect(await dispatchOnce()).toBe(1); // answered 200
    expect(receiver.received).toHaveLength(2);
    expect(JSON.parse(receiver.received[1]!.body)).toMatchObject({ event: 'test', rule: { id: rule!.id, name: 'Price watch' } });

    await page.reload();
    const row = page.locator('.deliveries-table tbody tr').first();
    expect(await row.locator('.badge').textContent()).toBe('delivered');
    const attempts = row.locator('.attempts li');
    expect(await attempts.count()).toBe(2);
    expect(await attempts.nth(0).textContent()).toMatch(/HTTP 500, \d+ ms$/);
    expect(await attempts.nth(1).textContent()).toMatch(/HTTP 200, \d+ ms$/);
    await web.expectAccessible(page);
    await web.screenshots(page, 'alerts-log');
    web.expectNoConsoleErrors(page);

    // a receiver that is not there: no status code, the error and how long the try took
    const dead = await web.app.store.alerts.createRule({ name: 'Dead hook', event: 'target_broken', productId: null, businessId: null, minPercent: null, minAmount: null, fieldKey: null, webhookUrl: 'http://127.0.0.1:9/hook', format: 'slack', enabled: true, secret: 'a secret of sixteen chars' });
    await page.reload();
    await page.getByRole('button', { name: 'Send a test for Dead hook' }).click();
    await expect.poll(() => page.getByRole('status').first().textContent()).toContain('A test post for Dead hook is queued');
    expect(await dispatchOnce()).toBe(1);
    await page.reload();
    const deadRow = page.locator('.deliveries-table tbody tr').filter({ hasText: 'Dead hook' });
    expect(await deadRow.locator('.attempts li').textContent()).toMatch(/no answer, \d+ ms — ECONNREFUSED/);
    expect((await web.app.store.alerts.listDeliveries({ limit: 10, ruleId: dead.id })).items).toMatchObject([{ status: 'pending', attempts: 1 }]);

    await page.getByRole('link', { name: 'Edit Price watch' }).click();
    await page.getByLabel('Name').fill('Price watch 10');
    await page.getByRole('button', { name: 'Save the rule' }).click();
    await expect.poll(() => page.getByRole('status').first().textContent()).toBe('The rule Price watch 10 is saved.');
    expect((await web.app.store.alerts.getRule(rule!.id)).name).toBe('Price watch 10');
    web.expectNoConsoleErrors(page);
  });

  it('shows a viewer the rules and log without controls, and refuses a forged post', async () => {
    const rule = (await web.app.store.alerts.listRules({ limit: 10 })).items[0]!;
    const page = await signedIn(VIEWER, '/alerts');
    expect(await page.getByText(rule.name, { exact: true }).count()).toBe(2); // in the rules and in the delivery log
    for (const name of ['Add a rule', 'Edit', 'Send a test', 'Delete']) expect(await page.getByText(name, { exact: true }).count()).toBe(0);
    await web.expectAccessible(page);
    await web.screenshots(page, 'alerts-viewer');
    web.expectNoConsoleErrors(page); // before the forged post, whose 403 the browser logs
    const status = await page.evaluate(async (path) => {
      const token = document.querySelector<HTMLMetaElement>('meta[name="csrf-token"]')!.content;
      const res = await fetch(path, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: `_csrf=${encodeURIComponent(token)}` });
      return res.status;
    }, `/alerts/${rule.id}/delete`);
    expect(status).toBe(403);
    expect((await web.app.store.alerts.getRule(rule.id)).name).toBe(rule.name);
  });

  it('deletes a rule with its deliveries', async () => {
    const rule = (await web.app.store.alerts.listRules({ limit: 10 })).items[0]!;
    const page = await signedIn(MARKETER, '/alerts');
    await page.getByRole('button', { name: `Delete ${rule.name}` }).click();
    await expect.poll(() => page.getByRole('status').first().textContent()).toContain('and its deliveries are deleted');
    expect((await web.app.store.alerts.listRules({ limit: 10 })).items.map((r) => r.name)).toEqual(['Dead hook']);
    expect((await web.app.store.alerts.listDeliveries({ limit: 10, ruleId: rule.id })).items).toEqual([]);
    expect(await page.getByText(rule.name, { exact: true }).count()).toBe(0);
    const missing = await page.goto(`/alerts/${rule.id}/edit`);
    expect(missing?.status()).toBe(404);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('No such alert rule');
  });
});
