import type { Page } from 'playwright';
import { beforeAll, describe, expect, it } from 'vitest';
import { createPerson } from '../../src/people/manage-people.ts';
import { useWebHarness } from './web-harness.ts';

const web = useWebHarness();
const ADMIN = { email: 'admin@shop.test', password: 'admin password 123' };
const MARKETER = { email: 'marketer@shop.test', password: 'marketer password 123' };

beforeAll(async () => {
  await createPerson(web.app.store, { ...ADMIN, role: 'admin', displayName: 'Ada Admin' });
  await createPerson(web.app.store, { ...MARKETER, role: 'marketer', displayName: 'Mark Marketer' });
});

const alertText = (page: Page) => page.getByRole('alert').textContent();
const heading = (page: Page) => page.getByRole('heading', { level: 1 }).textContent();
const path = (page: Page) => new URL(page.url()).pathname;

describe('signing in and out', () => {
  it('sends a signed-out visitor to sign in and back to the page asked for; signs out', async () => {
    const page = await web.newPage();
    await page.goto('/admin/users');
    expect(new URL(page.url()).search).toBe('?next=%2Fadmin%2Fusers');
    expect(await web.signIn(page, ADMIN)).toBe(303);
    expect(path(page)).toBe('/admin/users');
    expect(await heading(page)).toBe('Users');
    const session = (await page.context().cookies()).find((c) => c.name === 'rs_session');
    expect(session).toMatchObject({ httpOnly: true, sameSite: 'Lax', secure: false });
    await web.expectAccessible(page);
    await web.screenshots(page, 'admin-users');

    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toBe('You are signed out.');
    await page.goto('/');
    expect(path(page)).toBe('/sign-in');
    web.expectNoConsoleErrors(page);
  });

  it('signs in with the keyboard alone; the skip link jumps to the content', async () => {
    const page = await web.newPage();
    await page.goto('/sign-in');
    await page.keyboard.type(MARKETER.email); // the email field has focus on load
    await page.keyboard.press('Tab');
    await page.keyboard.type(MARKETER.password);
    await page.keyboard.press('Enter');
    await expect.poll(() => heading(page)).toBe('Overview');
    await page.keyboard.press('Tab');
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to content');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('main');
    await web.expectAccessible(page);
    await web.screenshots(page, 'overview');
    web.expectNoConsoleErrors(page);
  });

  it('answers a wrong password and an unknown email alike, then limits the account', async () => {
    const page = await web.newPage();
    await page.goto('/sign-in');
    const wrong = await web.signIn(page, { email: MARKETER.email, password: 'not the password' });
    const wrongText = await alertText(page);
    const unknown = await web.signIn(page, { email: 'nobody@shop.test', password: 'not the password' });
    expect([wrong, unknown]).toEqual([401, 401]);
    expect(await alertText(page)).toBe(wrongText);
    expect(wrongText).toBe('That email and password do not match an active account.');
    expect(await page.getByLabel('Email').inputValue()).toBe('nobody@shop.test');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('password');
    await web.expectAccessible(page);
    await web.screenshots(page, 'sign-in-failed');

    for (let attempt = 2; attempt <= 5; attempt++) expect(await web.signIn(page, { email: 'nobody@shop.test', password: `guess ${attempt}` })).toBe(401);
    expect(await web.signIn(page, { email: 'nobody@shop.test', password: 'guess 6' })).toBe(429);
    expect(await alertText(page)).toMatch(/^Too many sign-in attempts\. Try again in \d+ minutes\.$/);
    web.expectNoConsoleErrors(page);
  });
});

describe('invites and roles', () => {
  it('admin invites; the link sets a password once and signs the person in; a disabled person is signed out', async () => {
    const admin = await web.newPage();
    await admin.goto('/sign-in');
    await web.signIn(admin, ADMIN);
    await admin.goto('/admin/users');
    await admin.getByLabel('Email').fill('newbie@shop.test');
    await admin.getByLabel('Name').fill('Nina Newbie');
    await admin.getByLabel('Role').selectOption('auditor');
    await admin.getByRole('button', { name: 'Create invite link' }).click();
    await expect.poll(() => admin.getByRole('status').textContent()).toBe('newbie@shop.test is invited as auditor.');
    const link = await admin.getByRole('textbox', { name: 'Link for newbie@shop.test' }).inputValue();
    expect(link).toMatch(new RegExp(`^${web.baseUrl}/set-password\\?token=[\\w-]{43}$`));
    await web.expectAccessible(admin);
    await web.screenshots(admin, 'admin-users-invited');

    const newbie = await web.newPage();
    await newbie.goto(link);
    expect(await heading(newbie)).toBe('Welcome to rivalscope');
    await web.expectAccessible(newbie);
    await web.screenshots(newbie, 'set-password');
    await newbie.getByLabel('New password').fill('nina password 123');
    await newbie.getByLabel('Repeat the password').fill('nina password 124');
    await newbie.getByRole('button', { name: 'Set password and sign in' }).click();
    await expect.poll(() => alertText(newbie)).toBe('The two passwords differ.');
    await newbie.getByLabel('New password').fill('nina password 123');
    await newbie.getByLabel('Repeat the password').fill('nina password 123');
    await newbie.getByRole('button', { name: 'Set password and sign in' }).click();
    await expect.poll(() => heading(newbie)).toBe('Overview');
    expect(await newbie.locator('.account-name').textContent()).toBe('Nina Newbie');

    const again = await web.newPage();
    await again.goto(link);
    expect(await heading(again)).toBe('Link no longer valid');

    await admin.goto('/admin/users');
    await admin.getByRole('button', { name: 'Disable newbie@shop.test' }).click();
    await expect.poll(() => admin.getByRole('status').textContent()).toBe('newbie@shop.test is disabled and signed out everywhere.');
    await newbie.reload();
    expect(path(newbie)).toBe('/sign-in');
    for (const page of [admin, newbie]) web.expectNoConsoleErrors(page);
  });

  it('hands out a new password link in place through htmx, which sends the page’s CSRF token as a header', async () => {
    const admin = await web.newPage();
    await admin.goto('/sign-in');
    await web.signIn(admin, ADMIN);
    await admin.goto('/admin/users');
    const token = await admin.locator('meta[name="csrf-token"]').getAttribute('content');
    const sent = admin.waitForRequest((r) => r.method() === 'POST' && r.url().endsWith('/link'));
    await admin.getByRole('button', { name: 'New password link for marketer@shop.test' }).click();
    expect((await sent).headers()).toMatchObject({ 'hx-request': 'true', 'x-csrf-token': token });
    const link = admin.getByRole('textbox', { name: 'Link for marketer@shop.test' });
    await expect.poll(() => link.inputValue()).toMatch(new RegExp(`^${web.baseUrl}/set-password\\?token=[\\w-]{43}$`));
    expect(admin.url()).toBe(`${web.baseUrl}/admin/users`);
    web.expectNoConsoleErrors(admin);
  });

  it('does not show a marketer the Users page and refuses it, also to a valid form post', async () => {
    const page = await web.newPage();
    await page.goto('/sign-in');
    await web.signIn(page, MARKETER);
    expect(await page.getByRole('navigation', { name: 'Main' }).getByRole('link').allTextContents()).not.toContain('Users');
    const response = await page.goto('/admin/users');
    expect(response?.status()).toBe(403);
    await web.expectAccessible(page);
    await web.screenshots(page, 'forbidden');
    const csrf = (await page.locator('meta[name="csrf-token"]').getAttribute('content')) ?? '';
    const post = await page.request.post('/admin/users/invite', { form: { _csrf: csrf, email: 'x@shop.test', role: 'admin' }, headers: { origin: web.baseUrl } });
    expect(post.status()).toBe(403);
    expect(await web.app.store.people.findByEmail('x@shop.test')).toBeNull();
  });

  it('refuses a signed-in form post without the CSRF token; the API takes the cookie with the token header', async () => {
    const page = await web.newPage();
    await page.goto('/sign-in');
    await web.signIn(page, ADMIN);
    const forged = await page.request.post('/admin/users/invite', { form: { email: 'csrf@shop.test', role: 'admin' }, headers: { origin: web.baseUrl } });
    expect(forged.status()).toBe(403);
    expect(await web.app.store.people.findByEmail('csrf@shop.test')).toBeNull();

    expect((await page.request.get('/api/businesses')).status()).toBe(200);
    const body = { name: 'Rival', own: false };
    expect((await page.request.post('/api/businesses', { data: body })).status()).toBe(403);
    const csrf = (await page.locator('meta[name="csrf-token"]').getAttribute('content')) ?? '';
    const created = await page.request.post('/api/businesses', { data: body, headers: { 'x-csrf-token': csrf, origin: web.baseUrl } });
    expect(created.status()).toBe(201);
  });
});
