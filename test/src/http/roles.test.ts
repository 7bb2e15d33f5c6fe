import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../helpers/test-app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

type Doc = { paths: Record<string, Record<string, { 'x-roles'?: string[]; security?: unknown[] }>> };
const PUBLIC = ['/api/health', '/api/openapi.json', '/api/docs'];

describe('roles', () => {
  it('every documented route except the public ones declares its roles and bearer security', async () => {
    const doc = (await (await t.app.request('/api/openapi.json')).json()) as Doc;
    const operations = Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, op]) => ({ path, method, op })),
    );
    expect(operations.length).toBeGreaterThan(10);
    for (const { path, method, op } of operations) {
      if (PUBLIC.includes(path)) continue;
      expect(op['x-roles'], `${method} ${path}`).toEqual(expect.arrayContaining(['admin']));
      expect(op.security, `${method} ${path}`).toEqual([{ bearer: [] }]);
    }
  });

  it('without a token every documented route but the public ones is 401', async () => {
    const doc = (await (await t.app.request('/api/openapi.json')).json()) as Doc;
    for (const [path, methods] of Object.entries(doc.paths)) {
      if (PUBLIC.includes(path)) continue;
      for (const method of Object.keys(methods)) {
        const res = await t.app.request(path.replace(/\{[^}]+\}/g, '1'), { method: method.toUpperCase() });
        expect(res.status, `${method} ${path}`).toBe(401);
      }
    }
    const bad = await t.app.request('/api/businesses', { headers: { authorization: 'Bearer rs_not-a-token' } });
    expect(bad.status).toBe(401);
    expect((await bad.json()).error.code).toBe('unauthorized');
  });

  const cases = [
    { what: 'list businesses', method: 'GET', path: '/api/businesses', allowed: ['admin', 'marketer', 'viewer'] },
    { what: 'create a product', method: 'POST', path: '/api/products', body: { name: 'Beans' }, allowed: ['admin', 'marketer'] },
    { what: 'list targets', method: 'GET', path: '/api/targets', allowed: ['admin', 'marketer', 'viewer'] },
    { what: 'list tokens', method: 'GET', path: '/api/tokens', allowed: ['admin'] },
    { what: 'create a token', method: 'POST', path: '/api/tokens', body: { name: 'ci', role: 'viewer' }, allowed: ['admin'] },
  ] as const;

  for (const c of cases) {
    for (const role of ['admin', 'marketer', 'auditor', 'viewer'] as const) {
      const expected = (c.allowed as readonly string[]).includes(role);
      it(`${role} ${expected ? 'may' : 'may not'} ${c.what}`, async () => {
        const res = await t.call(role, c.method, c.path, 'body' in c ? c.body : undefined);
        if (expected) expect(res.status).toBeLessThan(300);
        else {
          expect(res.status).toBe(403);
          expect((await res.json()).error).toMatchObject({ code: 'forbidden', details: { role } });
        }
      });
    }
  }

  it('a revoked token is refused', async () => {
    const created = await (await t.call('admin', 'POST', '/api/tokens', { name: 'temp', role: 'viewer' })).json();
    const use = () => t.app.request('/api/products', { headers: { authorization: `Bearer ${created.token}` } });
    expect((await use()).status).toBe(200);
    expect((await t.call('admin', 'DELETE', `/api/tokens/${created.id}`)).status).toBe(204);
    expect((await use()).status).toBe(401);
    const list = await (await t.call('admin', 'GET', '/api/tokens')).json();
    expect(JSON.stringify(list)).not.toContain(created.token);
  });
});

describe('public routes and errors', () => {
  it('health reports the database and the browser without auth', async () => {
    const res = await t.app.request('/api/health');
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'ok', db: 'ok', browser: { available: expect.any(Boolean) } });
  });

  it('unknown routes are JSON 404s', async () => {
    const res = await t.call('admin', 'GET', '/api/nothing-here');
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ error: { code: 'not_found' } });
  });

  it('bodies over the limit are 413', async () => {
    const res = await t.call('admin', 'POST', '/api/products', { name: 'x'.repeat(2 * 1024 * 1024) });
    expect(res.status).toBe(413);
    expect((await res.json()).error.code).toBe('payload_too_large');
  });

  it('the API reference is browsable HTML listing the routes', async () => {
    const res = await t.app.request('/api/docs');
    expect(res.headers.get('content-type')).toContain('text/html');
    const html = await res.text();
    expect(html).toContain('/api/targets/{id}');
    expect(html).not.toContain('<script');
  });
});
