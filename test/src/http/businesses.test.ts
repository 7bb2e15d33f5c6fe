import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../helpers/test-app.ts';

let t: TestApp;
beforeEach(async () => {
  t = await createTestApp();
});
afterEach(() => t.close());

describe('/api/businesses', () => {
  it('creates a business and answers 201 with its id', async () => {
    const res = await t.call('marketer', 'POST', '/api/businesses', {
      name: 'Kawa Sp. z o.o.',
      own: true,
      website: 'https://kawa.example',
      locale: 'pl-PL',
    });
    expect(res.status).toBe(201);
    const body = await res.json();
    expect(body).toMatchObject({ name: 'Kawa Sp. z o.o.', own: true, website: 'https://kawa.example', locale: 'pl-PL' });
    expect(body.id).toBeTypeOf('number');
    const got = await t.call('viewer', 'GET', `/api/businesses/${body.id}`);
    expect(await got.json()).toEqual(body);
  });

  it('refuses a second own business with 409 naming the field', async () => {
    expect((await t.call('admin', 'POST', '/api/businesses', { name: 'Us', own: true })).status).toBe(201);
    const res = await t.call('admin', 'POST', '/api/businesses', { name: 'Also us', own: true });
    expect(res.status).toBe(409);
    expect(await res.json()).toMatchObject({ error: { code: 'conflict', details: { field: 'own' } } });
    const other = await t.call('admin', 'POST', '/api/businesses', { name: 'Rival' });
    const patch = await t.call('admin', 'PATCH', `/api/businesses/${(await other.json()).id}`, { own: true });
    expect(patch.status).toBe(409);
  });

  it('answers 400 naming each bad field', async () => {
    const res = await t.call('admin', 'POST', '/api/businesses', { name: '', website: 'ftp://x', locale: 'Polish!' });
    expect(res.status).toBe(400);
    const { error } = await res.json();
    expect(error.code).toBe('validation_failed');
    expect(error.details.issues.map((i: { path: string }) => i.path).sort()).toEqual(['locale', 'name', 'website']);
  });

  it('rejects unknown fields and malformed JSON', async () => {
    expect((await t.call('admin', 'POST', '/api/businesses', { name: 'X', color: 'red' })).status).toBe(400);
    const res = await t.app.request('/api/businesses', {
      method: 'POST',
      headers: { authorization: `Bearer ${t.tokens.admin}`, 'content-type': 'application/json' },
      body: '{"name":',
    });
    expect(res.status).toBe(400);
    expect((await res.json()).error.code).toBe('bad_request');
  });

  it('updates, deletes and 404s', async () => {
    const { id } = await (await t.call('admin', 'POST', '/api/businesses', { name: 'Rival' })).json();
    const patched = await t.call('marketer', 'PATCH', `/api/businesses/${id}`, { name: 'Rival GmbH' });
    expect((await patched.json()).name).toBe('Rival GmbH');
    expect((await t.call('marketer', 'DELETE', `/api/businesses/${id}`)).status).toBe(204);
    const gone = await t.call('viewer', 'GET', `/api/businesses/${id}`);
    expect(gone.status).toBe(404);
    expect((await gone.json()).error.code).toBe('not_found');
  });

  it('paginates with a cursor and filters', async () => {
    await t.call('admin', 'POST', '/api/businesses', { name: 'Own shop', own: true });
    for (let i = 1; i <= 4; i++) await t.call('admin', 'POST', '/api/businesses', { name: `Rival ${i}` });
    const names: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res: Response = await t.call('viewer', 'GET', `/api/businesses?limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      const page = await res.json();
      names.push(...page.items.map((b: { name: string }) => b.name));
      cursor = page.nextCursor;
      pages++;
    } while (cursor);
    expect(pages).toBe(3);
    expect(names).toEqual(['Own shop', 'Rival 1', 'Rival 2', 'Rival 3', 'Rival 4']);
    const competitors = await (await t.call('viewer', 'GET', '/api/businesses?own=false&q=Rival%203')).json();
    expect(competitors.items.map((b: { name: string }) => b.name)).toEqual(['Rival 3']);
    expect((await t.call('viewer', 'GET', '/api/businesses?cursor=garbage')).status).toBe(400);
    expect((await t.call('viewer', 'GET', '/api/businesses?limit=1000')).status).toBe(400);
  });
});
