import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../helpers/test-app.ts';
import { assign, callAs, move, PNG, seedScorecard, upload, type Fixture } from '../visits/visit-steps.ts';

let t: TestApp;
let f: Fixture;
beforeEach(async () => {
  t = await createTestApp();
  f = await seedScorecard(t, { receiptRequired: true });
});
afterEach(() => t.close());

const get = async (role: 'auditor' | 'marketer' | 'viewer' | 'admin', id: number) => (await t.call(role, 'GET', `/api/visits/${id}`)).json();

describe('a visit from assignment to publication', () => {
  it('is filled as a draft, blocked until complete, scored on submit, reviewed, returned, approved and published', async () => {
    const id = await assign(t, f.rivalId, { location: 'Main St', scenario: 'Ask for decaf', dueDate: '2026-12-01' });
    const assigned = await get('auditor', id);
    expect(assigned).toMatchObject({ state: 'assigned', auditor: 'auditor', businessName: 'Rival Beans', templateVersion: 1, score: null });
    expect(assigned.allowedTransitions).toEqual(['draft']);

    const saved = await t.call('auditor', 'PUT', `/api/visits/${id}/answers`, { answers: { a2: true, nps: 9 } });
    expect(saved.status).toBe(200);
    expect(await saved.json()).toMatchObject({ state: 'draft', answers: { a2: true, nps: 9 } });

    const blocked = await t.call('auditor', 'POST', `/api/visits/${id}/transitions`, { to: 'submitted' });
    expect(blocked.status).toBe(422);
    expect((await blocked.json()).error).toMatchObject({
      code: 'incomplete',
      details: { missing: [{ question: 'a1', reason: 'unanswered' }, { question: 'receipt', reason: 'evidence missing' }] },
    });

    const photo = await upload(t, 'auditor', id, 'receipt', PNG, 'image/png');
    expect(photo.status).toBe(201);
    const evidenceId = (await photo.json()).id;
    await t.call('auditor', 'PUT', `/api/visits/${id}/answers`, { answers: { a1: true, a2: true, b1: false, nps: 9, receipt: String(evidenceId) } });
    const submitted = await move(t, 'auditor', id, 'submitted');
    // a: 10/10; b: b1 is critical for its section and earned 0 → 0/10; pooled 10/20 = 50 %
    expect(submitted.score).toMatchObject({ overall: { earned: 10, possible: 20, percent: 50 }, result: 'fail' });
    expect(submitted.visitedAt).toBeTruthy();

    await move(t, 'marketer', id, 'in_review');
    const noNote = await t.call('marketer', 'POST', `/api/visits/${id}/transitions`, { to: 'returned' });
    expect(noNote.status).toBe(422);
    expect((await noNote.json()).error.code).toBe('note_required');
    await move(t, 'marketer', id, 'returned', 'b1: the receipt shows a thank-you; check again');
    await t.call('auditor', 'PUT', `/api/visits/${id}/answers`, { answers: { a1: true, a2: true, b1: true, receipt: String(evidenceId) } });
    const resubmitted = await move(t, 'auditor', id, 'submitted');
    expect(resubmitted.score.overall.percent).toBe(100);
    await move(t, 'admin', id, 'in_review');
    await move(t, 'admin', id, 'approved');
    const published = await move(t, 'marketer', id, 'published');
    expect(published).toMatchObject({ state: 'published', result: 'pass', percent: 100 });
    expect(published.publishedAt).toBeTruthy();

    const trail = (await (await t.call('viewer', 'GET', `/api/visits/${id}/transitions`)).json()).items;
    expect(trail.map((s: { from: string | null; to: string; by: string }) => `${s.from}>${s.to}:${s.by}`)).toEqual([
      'null>assigned:marketer',
      'assigned>draft:auditor',
      'draft>submitted:auditor',
      'submitted>in_review:marketer',
      'in_review>returned:marketer',
      'returned>submitted:auditor',
      'submitted>in_review:admin',
      'in_review>approved:admin',
      'approved>published:marketer',
    ]);
    expect(trail[0].note).toBe('Ask for decaf');
    expect(trail[4].note).toBe('b1: the receipt shows a thank-you; check again');
  });

  it('answers 409 naming the allowed transitions, 403 for the wrong role, and keeps the state', async () => {
    const id = await assign(t, f.ownId);
    const jump = await t.call('marketer', 'POST', `/api/visits/${id}/transitions`, { to: 'published' });
    expect(jump.status).toBe(409);
    expect((await jump.json()).error).toMatchObject({ code: 'invalid_transition', details: { from: 'assigned', allowed: [] } });
    const start = await t.call('marketer', 'POST', `/api/visits/${id}/transitions`, { to: 'draft' });
    expect(start.status).toBe(403);
    expect((await start.json()).error.code).toBe('forbidden');
    const skip = await t.call('auditor', 'POST', `/api/visits/${id}/transitions`, { to: 'submitted' });
    expect(skip.status).toBe(409);
    expect((await skip.json()).error.details.allowed).toEqual(['draft']);
    expect((await t.call('viewer', 'POST', `/api/visits/${id}/transitions`, { to: 'draft' })).status).toBe(403);

    await move(t, 'auditor', id, 'draft');
    await upload(t, 'auditor', id, 'receipt', PNG, 'image/png');
    await t.call('auditor', 'PUT', `/api/visits/${id}/answers`, { answers: { a1: true, receipt: '1' } });
    await move(t, 'auditor', id, 'submitted');
    const selfReview = await t.call('auditor', 'POST', `/api/visits/${id}/transitions`, { to: 'in_review' });
    expect(selfReview.status).toBe(403);
    await move(t, 'marketer', id, 'in_review');
    expect((await t.call('auditor', 'POST', `/api/visits/${id}/transitions`, { to: 'approved' })).status).toBe(403);
    expect((await t.call('marketer', 'POST', `/api/visits/${id}/transitions`, { to: 'published' })).status).toBe(409);
    expect((await t.call('marketer', 'POST', `/api/visits/${id}/transitions`, { to: 'rejected' })).status).toBe(422);
    await move(t, 'marketer', id, 'excluded', 'duplicate of another visit');
    expect((await t.call('admin', 'POST', `/api/visits/${id}/transitions`, { to: 'published' })).status).toBe(409);
    expect((await get('marketer', id)).state).toBe('excluded');
  });

  it('rejects a visit with a note', async () => {
    const id = await assign(t, f.ownId);
    await upload(t, 'auditor', id, 'receipt', PNG, 'image/png');
    await t.call('auditor', 'PUT', `/api/visits/${id}/answers`, { answers: { a1: false, receipt: '1' } });
    await move(t, 'auditor', id, 'submitted');
    await move(t, 'marketer', id, 'in_review');
    expect((await move(t, 'marketer', id, 'rejected', 'auditor was recognised')).state).toBe('rejected');
    expect((await get('auditor', id)).allowedTransitions).toEqual([]);
  });
});

describe('editing rules', () => {
  it('validates each answer and names the bad paths', async () => {
    const id = await assign(t, f.ownId);
    const res = await t.call('auditor', 'PUT', `/api/visits/${id}/answers`, { answers: { a1: 'yes', zz: 1, nps: 11, a2: 'na', receipt: '99' } });
    expect(res.status).toBe(400);
    const paths = (await res.json()).error.details.issues.map((i: { path: string }) => i.path).sort();
    expect(paths).toEqual(['answers.a1', 'answers.a2', 'answers.nps', 'answers.zz']);
    const photo = await t.call('auditor', 'PUT', `/api/visits/${id}/answers`, { answers: { receipt: '99' } });
    expect(photo.status).toBe(400);
    expect((await photo.json()).error.details.issues[0].path).toBe('answers.receipt');
    expect((await get('auditor', id)).state).toBe('assigned');
  });

  it('lets the auditor edit only while draft or returned, reviewers during review, nobody once published', async () => {
    const visit = await assign(t, f.ownId);
    expect((await t.call('marketer', 'PUT', `/api/visits/${visit}/answers`, { answers: { a1: true } })).status).toBe(409);
    await upload(t, 'auditor', visit, 'receipt', PNG, 'image/png');
    await t.call('auditor', 'PUT', `/api/visits/${visit}/answers`, { answers: { a1: true, a2: true, b1: true, receipt: '1' } });
    await move(t, 'auditor', visit, 'submitted');
    expect((await t.call('auditor', 'PUT', `/api/visits/${visit}/answers`, { answers: { a1: false } })).status).toBe(409);
    await move(t, 'marketer', visit, 'in_review');
    const corrected = await t.call('marketer', 'PUT', `/api/visits/${visit}/answers`, { answers: { a1: true, a2: false, b1: true, receipt: '1' } });
    expect(corrected.status).toBe(200);
    const approved = await move(t, 'marketer', visit, 'approved');
    expect(approved.score.autoFail).toEqual([{ question: 'a2', reason: 'earned 0 of 4 points' }]);
    await move(t, 'marketer', visit, 'published');
    for (const role of ['auditor', 'marketer', 'admin'] as const)
      expect((await t.call(role, 'PUT', `/api/visits/${visit}/answers`, { answers: { a1: false } })).status).toBe(409);
    expect((await upload(t, 'auditor', visit, 'receipt', PNG, 'image/png')).status).toBe(409);
  });

  it('changes a published visit only through a dispute: amend rescores, uphold restores the scored answers', async () => {
    const amended = await assign(t, f.ownId);
    await upload(t, 'auditor', amended, 'receipt', PNG, 'image/png');
    await t.call('auditor', 'PUT', `/api/visits/${amended}/answers`, { answers: { a1: false, a2: true, b1: true, receipt: '1' } });
    for (const [role, to] of [['auditor', 'submitted'], ['marketer', 'in_review'], ['marketer', 'approved'], ['marketer', 'published']] as const)
      await move(t, role, amended, to);
    expect((await get('viewer', amended)).percent).toBe(70);
    expect((await t.call('marketer', 'POST', `/api/visits/${amended}/transitions`, { to: 'disputed' })).status).toBe(422);
    await move(t, 'marketer', amended, 'disputed', 'store manager: the greeting is on CCTV');
    await t.call('admin', 'PUT', `/api/visits/${amended}/answers`, { answers: { a1: true, a2: true, b1: true, receipt: '1' } });
    expect((await get('viewer', amended)).percent).toBe(70);
    const done = await move(t, 'admin', amended, 'amended', 'CCTV confirms the greeting');
    expect(done.score.overall.percent).toBe(100);

    const upheld = await publishedVisitWithReceipt(false);
    await move(t, 'marketer', upheld, 'disputed', 'claims a greeting');
    await t.call('marketer', 'PUT', `/api/visits/${upheld}/answers`, { answers: { a1: true, a2: true, b1: true, receipt: '2' } });
    const kept = await move(t, 'marketer', upheld, 'upheld', 'no evidence of a greeting');
    expect(kept).toMatchObject({ percent: 70, answers: { a1: false } });
  });
});

async function publishedVisitWithReceipt(a1: boolean): Promise<number> {
  const id = await assign(t, f.ownId);
  const evidenceId = (await (await upload(t, 'auditor', id, 'receipt', PNG, 'image/png')).json()).id;
  await t.call('auditor', 'PUT', `/api/visits/${id}/answers`, { answers: { a1, a2: true, b1: true, receipt: String(evidenceId) } });
  for (const [role, to] of [['auditor', 'submitted'], ['marketer', 'in_review'], ['marketer', 'approved'], ['marketer', 'published']] as const)
    await move(t, role, id, to);
  return id;
}

describe('who sees what', () => {
  it('isolates auditors: another auditor gets 404 and an empty list', async () => {
    const id = await assign(t, f.ownId);
    const other = (await t.store.users.createToken('auditor2', 'auditor')).token;
    const theirs = (await (await t.call('marketer', 'POST', '/api/visits', { templateKey: 'mini-store', businessId: f.rivalId, auditor: 'auditor2' })).json()).id;
    expect((await callAs(t, other, 'GET', `/api/visits/${id}`)).status).toBe(404);
    expect((await callAs(t, other, 'PUT', `/api/visits/${id}/answers`, { answers: { a1: true } })).status).toBe(404);
    expect((await callAs(t, other, 'POST', `/api/visits/${id}/transitions`, { to: 'draft' })).status).toBe(404);
    expect((await callAs(t, other, 'GET', `/api/visits/${id}/transitions`)).status).toBe(404);
    expect((await callAs(t, other, 'GET', `/api/visits/${id}/evidence`)).status).toBe(404);
    const list = await (await callAs(t, other, 'GET', '/api/visits')).json();
    expect(list.items.map((v: { id: number }) => v.id)).toEqual([theirs]);
    const csv = await (await callAs(t, other, 'GET', '/api/visits/export?format=csv')).text();
    expect(csv.trim().split('\r\n')).toHaveLength(2);
    const mine = await (await t.call('auditor', 'GET', '/api/visits')).json();
    expect(mine.items.map((v: { id: number }) => v.id)).toEqual([id]);
    expect((await t.call('marketer', 'GET', '/api/visits')).status).toBe(200);
    expect((await (await t.call('marketer', 'GET', '/api/visits')).json()).items).toHaveLength(2);
  });

  it('reassigns a visit until it is submitted; the previous auditor loses it', async () => {
    const id = await assign(t, f.ownId, { location: 'Center', dueDate: '2026-12-01' });
    const other = (await t.store.users.createToken('auditor2', 'auditor')).token;
    const res = await t.call('marketer', 'PATCH', `/api/visits/${id}`, { auditor: 'auditor2', dueDate: '2026-12-24' });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ auditor: 'auditor2', location: 'Center', dueDate: '2026-12-24', scenario: null });
    expect((await t.call('auditor', 'GET', `/api/visits/${id}`)).status).toBe(404);
    expect((await callAs(t, other, 'PUT', `/api/visits/${id}/answers`, { answers: { a1: true } })).status).toBe(200);
    expect((await t.call('auditor', 'PATCH', `/api/visits/${id}`, { auditor: 'auditor' })).status).toBe(403);
    expect((await t.call('admin', 'PATCH', `/api/visits/${id}`, { auditor: 'viewer' })).status).toBe(422);
    const published = await publishedVisitWithReceipt(true);
    const late = await t.call('admin', 'PATCH', `/api/visits/${published}`, { location: 'Mall' });
    expect(late.status).toBe(409);
    expect((await late.json()).error.details.state).toBe('published');
  });

  it('shows viewers only published visits', async () => {
    const draft = await assign(t, f.ownId);
    const published = await publishedVisitWithReceipt(true);
    expect((await t.call('viewer', 'GET', `/api/visits/${draft}`)).status).toBe(404);
    const viewed = await get('viewer', published);
    expect(viewed).toMatchObject({ state: 'published', allowedTransitions: [] });
    const list = await (await t.call('viewer', 'GET', '/api/visits')).json();
    expect(list.items.map((v: { id: number }) => v.id)).toEqual([published]);
    expect((await (await t.call('viewer', 'GET', '/api/visits?state=draft')).json()).items).toEqual([]);
    expect((await t.call('viewer', 'PUT', `/api/visits/${published}/answers`, { answers: {} })).status).toBe(403);
  });

  it('assigns only to an auditor, for a live template and an existing business', async () => {
    const base = { templateKey: 'mini-store', businessId: f.ownId, auditor: 'auditor' };
    expect((await t.call('auditor', 'POST', '/api/visits', base)).status).toBe(403);
    const problems = [
      [{ ...base, auditor: 'marketer' }, 'auditor'],
      [{ ...base, businessId: 999 }, 'businessId'],
      [{ ...base, templateKey: 'nope' }, 'templateKey'],
      [{ ...base, templateVersion: 7 }, 'templateVersion'],
    ] as const;
    for (const [body, field] of problems) {
      const res = await t.call('admin', 'POST', '/api/visits', body);
      expect(res.status).toBe(422);
      expect((await res.json()).error.details.field).toBe(field);
    }
    await t.call('admin', 'PATCH', '/api/templates/mini-store', { archived: true });
    expect((await t.call('admin', 'POST', '/api/visits', base)).status).toBe(422);
  });
});
