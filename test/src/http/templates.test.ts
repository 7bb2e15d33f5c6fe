import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../helpers/test-app.ts';
import { seedBuiltinTemplates } from '../../../src/visits/seed-builtin-templates.ts';

let t: TestApp;
beforeEach(async () => {
  t = await createTestApp();
});
afterEach(() => t.close());

const doc = (title = 'Hotline call', points = 5) => ({
  key: 'hotline',
  title,
  touchpoint: 'phone',
  sections: [{ key: 'opening', title: 'Opening', questions: [{ key: 'named', text: 'Gave their name?', type: 'yesno', points }] }],
});

describe('/api/templates', () => {
  it('seeds the six built-in templates as version 1, once', async () => {
    const res = await t.call('auditor', 'GET', '/api/templates');
    expect(res.status).toBe(200);
    const { items } = await res.json();
    expect(items.map((i: { key: string }) => i.key)).toEqual([
      'email-enquiry',
      'live-chat',
      'phone-call',
      'returns-complaint',
      'store-visit',
      'website',
    ]);
    expect(items.every((i: { latestVersion: number; builtin: boolean }) => i.latestVersion === 1 && i.builtin)).toBe(true);
    expect(await seedBuiltinTemplates(t.store)).toEqual([]);
  });

  it('creates a template and answers 400 naming each bad path', async () => {
    const created = await t.call('marketer', 'POST', '/api/templates', doc());
    expect(created.status).toBe(201);
    expect(await created.json()).toMatchObject({ key: 'hotline', latestVersion: 1, versions: [{ version: 1, publishedBy: 'marketer' }] });
    expect((await t.call('admin', 'POST', '/api/templates', doc())).status).toBe(409);

    const bad = { ...doc(), touchpoint: 'fax', sections: [{ key: 's', title: 'S', questions: [{ key: 'q', type: 'yesno', points: -1 }] }] };
    const res = await t.call('admin', 'POST', '/api/templates', bad);
    expect(res.status).toBe(400);
    const { error } = await res.json();
    expect(error.code).toBe('validation_failed');
    expect(error.details.issues.map((i: { path: string }) => i.path).sort()).toEqual(['sections[0].questions[0].points', 'touchpoint']);
  });

  it('publishes new versions and keeps the old ones unchanged', async () => {
    await t.call('admin', 'POST', '/api/templates', doc());
    const v2 = await t.call('marketer', 'PUT', '/api/templates/hotline', doc('Hotline call v2', 10));
    expect(v2.status).toBe(201);
    expect(await v2.json()).toMatchObject({ latestVersion: 2, title: 'Hotline call v2', versions: [{ version: 1 }, { version: 2 }] });
    const same = await t.call('marketer', 'PUT', '/api/templates/hotline', doc('Hotline call v2', 10));
    expect(same.status).toBe(200);
    expect((await same.json()).latestVersion).toBe(2);

    const v1 = await (await t.call('viewer', 'GET', '/api/templates/hotline/versions/1')).json();
    expect(v1).toMatchObject({ key: 'hotline', version: 1, title: 'Hotline call' });
    expect(v1.template.sections[0].questions[0].points).toBe(5);
    expect((await t.call('viewer', 'GET', '/api/templates/hotline/versions/3')).status).toBe(404);

    const renamed = await t.call('admin', 'PUT', '/api/templates/hotline', { ...doc(), key: 'other' });
    expect(renamed.status).toBe(400);
    expect((await renamed.json()).error.details.issues[0].path).toBe('key');
  });

  it('archives: hidden from the list, no new versions, back on unarchive', async () => {
    await t.call('admin', 'POST', '/api/templates', doc());
    const archived = await t.call('marketer', 'PATCH', '/api/templates/hotline', { archived: true });
    expect(await archived.json()).toMatchObject({ archived: true });
    const keys = async (q = '') => (await (await t.call('viewer', 'GET', `/api/templates${q}`)).json()).items.map((i: { key: string }) => i.key);
    expect(await keys()).not.toContain('hotline');
    expect(await keys('?archived=true')).toContain('hotline');
    expect((await t.call('admin', 'PUT', '/api/templates/hotline', doc('x'))).status).toBe(409);
    await t.call('marketer', 'PATCH', '/api/templates/hotline', { archived: false });
    expect((await t.call('admin', 'PUT', '/api/templates/hotline', doc('x'))).status).toBe(201);
  });

  it('lets only marketers and admins write', async () => {
    expect((await t.call('auditor', 'POST', '/api/templates', doc())).status).toBe(403);
    expect((await t.call('viewer', 'PUT', '/api/templates/store-visit', doc())).status).toBe(403);
    expect((await t.call('auditor', 'PATCH', '/api/templates/store-visit', { archived: true })).status).toBe(403);
    expect((await t.call('viewer', 'GET', '/api/templates/nope')).status).toBe(404);
  });
});
