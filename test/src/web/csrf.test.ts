import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { csrfProtection, csrfTokenFor, PRE_SESSION_COOKIE } from '../../../src/web/security/csrf.ts';
import type { WebEnv } from '../../../src/web/web-env.ts';

const app = new Hono<WebEnv>();
// stands in for the session middleware: the live session's id
app.use((c, next) => {
  c.set('sessionId', c.req.header('x-test-session') ?? null);
  return next();
});
app.use(csrfProtection((c) => c.text('refused', 403)));
app.get('/form', (c) => c.text(c.var.csrfToken));
app.post('/form', async (c) => c.text(`ok ${(await c.req.parseBody()).name}`));

const ORIGIN = 'http://localhost';
const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
const post = (headers: Record<string, string>, body?: string) =>
  app.request('/form', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers }, body });

describe('CSRF protection', () => {
  it('gives a browser without cookies a pre-session secret and the token bound to it', async () => {
    const res = await app.request('/form');
    const cookie = res.headers.get('set-cookie')!;
    expect(cookie).toMatch(new RegExp(`^${PRE_SESSION_COOKIE}=[\\w-]{43}; Path=/; HttpOnly; SameSite=Lax$`));
    const secret = cookie.split(';')[0]!.split('=')[1]!;
    expect(await res.text()).toBe(csrfTokenFor(secret));
  });

  it('marks the cookie Secure over HTTPS (directly or behind a proxy that says so)', async () => {
    const direct = await app.request('https://rivalscope.test/form');
    expect(direct.headers.get('set-cookie')).toContain('; Secure');
    const proxied = await app.request('/form', { headers: { 'x-forwarded-proto': 'https' } });
    expect(proxied.headers.get('set-cookie')).toContain('; Secure');
  });

  it('accepts a same-origin form post with the token in the form or the header; the handler still reads the body', async () => {
    const cookie = `${PRE_SESSION_COOKIE}=secret-1`;
    const token = csrfTokenFor('secret-1');
    const byField = await post({ cookie, origin: ORIGIN }, form({ _csrf: token, name: 'Ada' }));
    expect([byField.status, await byField.text()]).toEqual([200, 'ok Ada']);
    const byHeader = await post({ cookie, 'sec-fetch-site': 'same-origin', 'x-csrf-token': token }, form({ name: 'Bo' }));
    expect([byHeader.status, await byHeader.text()]).toEqual([200, 'ok Bo']);
  });

  it('binds the token to the session once there is one', async () => {
    const headers = { cookie: `${PRE_SESSION_COOKIE}=secret-1`, 'x-test-session': 'session-1', origin: ORIGIN };
    expect((await post(headers, form({ _csrf: csrfTokenFor('secret-1') }))).status).toBe(403);
    expect((await post(headers, form({ _csrf: csrfTokenFor('session-1') }))).status).toBe(200);
  });

  it('refuses a missing, wrong or foreign token, a post without cookies, and a right token from another site', async () => {
    const cookie = `${PRE_SESSION_COOKIE}=secret-1`;
    const token = csrfTokenFor('secret-1');
    const refused = [
      await post({ cookie, origin: ORIGIN }, form({ name: 'x' })),
      await post({ cookie, origin: ORIGIN }, form({ _csrf: `${token[0] === 'A' ? 'B' : 'A'}${token.slice(1)}` })),
      await post({ cookie, origin: ORIGIN }, form({ _csrf: csrfTokenFor('secret-2') })),
      await post({ origin: ORIGIN }, form({ _csrf: token })),
      await post({ cookie, origin: 'https://evil.test', 'sec-fetch-site': 'cross-site' }, form({ _csrf: token })),
      await app.request('/form', { method: 'POST', headers: { cookie, 'content-type': 'application/json' }, body: JSON.stringify({ _csrf: token }) }),
    ];
    expect(refused.map((r) => r.status)).toEqual([403, 403, 403, 403, 403, 403]);
  });
});
