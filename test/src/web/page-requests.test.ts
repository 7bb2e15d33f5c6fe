import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPerson } from '../../../src/people/manage-people.ts';
import { startSession } from '../../../src/people/sessions.ts';
import { SESSION_COOKIE } from '../../../src/web/auth/session-cookie.ts';
import { createTestApp, type TestApp } from '../../helpers/test-app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

/** A browser's first visit: its pre-session cookie and the sign-in form's CSRF token. */
async function visit() {
  const res = await t.app.request('/sign-in');
  const cookie = res.headers.get('set-cookie')!.split(';')[0]!;
  const token = /name="_csrf" value="([^"]+)"/.exec(await res.text())![1]!;
  return { cookie, token };
}

const post = (path: string, cookie: string, body: string) =>
  t.app.request(path, { method: 'POST', headers: { cookie, origin: 'http://localhost', 'content-type': 'application/x-www-form-urlencoded' }, body });

describe('page requests', () => {
  it('refuses a form body over 64 KiB with a 413 page', async () => {
    const { cookie, token } = await visit();
    const res = await post('/sign-in', cookie, `_csrf=${token}&email=a%40b.test&password=${'x'.repeat(70_000)}`);
    expect(res.status).toBe(413);
    expect(await res.text()).toContain('Too much data');
  });

  it('sends signed-out browsers to sign in, with the page asked for (htmx by HX-Redirect), and answers unknown pages with a 404 page once signed in', async () => {
    const res = await t.app.request('/admin/users?cursor=abc');
    expect([res.status, res.headers.get('location')]).toEqual([303, '/sign-in?next=%2Fadmin%2Fusers%3Fcursor%3Dabc']);
    const fragment = await t.app.request('/admin/users', { headers: { 'hx-request': 'true' } });
    expect([fragment.status, fragment.headers.get('hx-redirect')]).toEqual([401, '/sign-in?next=%2Fadmin%2Fusers']);
    const unknown = await t.app.request('/no/such/page');
    expect(unknown.headers.get('location')).toBe('/sign-in?next=%2Fno%2Fsuch%2Fpage');
    expect((await t.app.request('/api/no/such/route')).headers.get('content-type')).toContain('application/json');

    const person = await createPerson(t.store, { email: 'vi@shop.test', role: 'viewer', password: 'viewer password 1' });
    const signedIn = await t.app.request('/no/such/page', { headers: { cookie: `${SESSION_COOKIE}=${await startSession(t.store, person.id)}` } });
    expect(signedIn.status).toBe(404);
    expect(await signedIn.text()).toContain('<h1>Page not found</h1>');
  });

  it('serves pages with the CSP nonce on the script tag and no caching', async () => {
    const res = await t.app.request('/sign-in');
    const nonce = /'nonce-([^']+)'/.exec(res.headers.get('content-security-policy')!)![1]!;
    expect(await res.text()).toContain(`nonce="${nonce}"`);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('x-frame-options')).toBe('DENY');
  });
});
