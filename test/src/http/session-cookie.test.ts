import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPerson } from '../../../src/people/manage-people.ts';
import { endSession, startSession } from '../../../src/people/sessions.ts';
import { SESSION_COOKIE } from '../../../src/web/auth/session-cookie.ts';
import { csrfTokenFor } from '../../../src/web/security/csrf.ts';
import { createTestApp, type TestApp } from '../../helpers/test-app.ts';

let t: TestApp;
let sessionId: string;
beforeAll(async () => {
  t = await createTestApp();
  const person = await createPerson(t.store, { email: 'mia@shop.test', role: 'marketer', password: 'marketer password 1' });
  sessionId = await startSession(t.store, person.id);
});
afterAll(() => t.close());

const call = (method: string, path: string, headers: Record<string, string>, body?: unknown) =>
  t.app.request(path, { method, headers: { 'content-type': 'application/json', ...headers }, body: body === undefined ? undefined : JSON.stringify(body) });

describe('the API with a session cookie', () => {
  it('reads with the cookie alone and writes only with the page’s CSRF token', async () => {
    const cookie = `${SESSION_COOKIE}=${sessionId}`;
    expect((await call('GET', '/api/businesses', { cookie })).status).toBe(200);
    const refused = await call('POST', '/api/businesses', { cookie }, { name: 'Rival', own: false });
    expect(refused.status).toBe(403);
    expect((await refused.json()).error.code).toBe('csrf_failed');
    const wrong = await call('POST', '/api/businesses', { cookie, 'x-csrf-token': csrfTokenFor('another session') }, { name: 'Rival', own: false });
    expect(wrong.status).toBe(403);
    const created = await call('POST', '/api/businesses', { cookie, 'x-csrf-token': csrfTokenFor(sessionId) }, { name: 'Rival', own: false });
    expect(created.status).toBe(201);
  });

  it('keeps its roles: a marketer may not manage tokens', async () => {
    const res = await call('GET', '/api/tokens', { cookie: `${SESSION_COOKIE}=${sessionId}` });
    expect(res.status).toBe(403);
  });

  it('answers 401 for an ended session; a bearer token needs no CSRF token, cookie or not', async () => {
    const ended = await startSession(t.store, (await t.store.people.findByEmail('mia@shop.test'))!.person.id);
    await endSession(t.store, ended);
    expect((await call('GET', '/api/businesses', { cookie: `${SESSION_COOKIE}=${ended}` })).status).toBe(401);
    const bearer = await call('POST', '/api/products', { authorization: `Bearer ${t.tokens.marketer}`, cookie: `${SESSION_COOKIE}=${sessionId}` }, { name: 'Espresso 250 g' });
    expect(bearer.status).toBe(201);
  });
});
