import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TRANSITIONS, VISIT_STATES, type VisitState } from '../../../audits/workflow.ts';
import { createTestApp, type TestApp } from '../../helpers/test-app.ts';
import { assign, move, seedScorecard, type Fixture } from '../visits/visit-steps.ts';

let t: TestApp;
let f: Fixture;
beforeAll(async () => {
  t = await createTestApp();
  f = await seedScorecard(t);
});
afterAll(() => t.close());

/** How to reach each state from a new visit through the API, one step per [role, state]. */
const PATHS: Record<VisitState, [role: 'auditor' | 'marketer', to: VisitState][]> = {
  assigned: [],
  draft: [['auditor', 'draft']],
  submitted: [['auditor', 'draft'], ['auditor', 'submitted']],
  in_review: [['auditor', 'draft'], ['auditor', 'submitted'], ['marketer', 'in_review']],
  returned: [['auditor', 'draft'], ['auditor', 'submitted'], ['marketer', 'in_review'], ['marketer', 'returned']],
  approved: [['auditor', 'draft'], ['auditor', 'submitted'], ['marketer', 'in_review'], ['marketer', 'approved']],
  rejected: [['auditor', 'draft'], ['auditor', 'submitted'], ['marketer', 'in_review'], ['marketer', 'rejected']],
  excluded: [['auditor', 'draft'], ['auditor', 'submitted'], ['marketer', 'in_review'], ['marketer', 'excluded']],
  published: [['auditor', 'draft'], ['auditor', 'submitted'], ['marketer', 'in_review'], ['marketer', 'approved'], ['marketer', 'published']],
  disputed: [
    ['auditor', 'draft'],
    ['auditor', 'submitted'],
    ['marketer', 'in_review'],
    ['marketer', 'approved'],
    ['marketer', 'published'],
    ['marketer', 'disputed'],
  ],
  amended: [],
  upheld: [],
};
PATHS.amended = [...PATHS.disputed, ['marketer', 'amended']];
PATHS.upheld = [...PATHS.disputed, ['marketer', 'upheld']];

async function visitIn(state: VisitState): Promise<number> {
  const id = await assign(t, f.ownId);
  for (const [role, to] of PATHS[state]) {
    await move(t, role, id, to, 'because');
    if (to === 'draft') await t.call('auditor', 'PUT', `/api/visits/${id}/answers`, { answers: { a1: true } });
  }
  return id;
}

const attempt = (role: 'auditor' | 'marketer' | 'admin' | 'viewer', id: number, to: VisitState) =>
  t.call(role, 'POST', `/api/visits/${id}/transitions`, { to, note: 'because' });

describe('every transition through the API', () => {
  for (const rule of TRANSITIONS) {
    it(`${rule.from} → ${rule.to} (${rule.action}) only for ${rule.roles.join(', ')}`, async () => {
      const id = await visitIn(rule.from);
      for (const role of ['auditor', 'marketer', 'admin', 'viewer'] as const) {
        if ((rule.roles as readonly string[]).includes(role)) continue;
        const res = await attempt(role, id, rule.to);
        expect(res.status, `${role}`).toBe(403);
      }
      expect((await (await t.call('admin', 'GET', `/api/visits/${id}`)).json()).state).toBe(rule.from);
      const res = await attempt(rule.roles[0]!, id, rule.to);
      expect(res.status).toBe(200);
      expect((await res.json()).state).toBe(rule.to);
      const trail = (await (await t.call('admin', 'GET', `/api/visits/${id}/transitions`)).json()).items;
      expect(trail.at(-1)).toMatchObject({ from: rule.from, to: rule.to, by: rule.roles[0], note: 'because' });
    });
  }

  for (const from of VISIT_STATES) {
    it(`from ${from}, every unlisted target is 409 naming the allowed ones`, async () => {
      const id = await visitIn(from);
      const listed = TRANSITIONS.filter((r) => r.from === from).map((r) => r.to);
      const allowedForAdmin = TRANSITIONS.filter((r) => r.from === from && r.roles.includes('admin')).map((r) => r.to);
      for (const to of VISIT_STATES.filter((s) => !listed.includes(s))) {
        const res = await attempt('admin', id, to);
        expect(res.status, `${from} → ${to}`).toBe(409);
        expect((await res.json()).error).toMatchObject({ code: 'invalid_transition', details: { from, to, allowed: allowedForAdmin } });
      }
    });
  }
});
