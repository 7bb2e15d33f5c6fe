import { expect } from 'vitest';
import type { TestApp } from '../../helpers/test-app.ts';

/** A store scorecard: section "a" (a1 worth 6, a2 worth 4 and critical for the visit), section "b" (b1 worth
 * 10, critical for its section), unscored nps/csat/ces, and an optional receipt photo; pass mark 70. */
export const scorecard = (extra: { receiptRequired?: boolean; a1Points?: number } = {}) => ({
  key: 'mini-store',
  title: 'Mini store visit',
  touchpoint: 'store',
  passMark: 70,
  sections: [
    {
      key: 'a',
      title: 'Greeting',
      questions: [
        { key: 'a1', text: 'Greeted?', type: 'yesno', points: extra.a1Points ?? 6, required: true },
        { key: 'a2', text: 'Loyalty card offered?', type: 'yesno', points: 4, critical: 'visit' },
      ],
    },
    {
      key: 'b',
      title: 'Closing',
      questions: [
        { key: 'b1', text: 'Thanked?', type: 'yesno', points: 10, critical: 'section', allowNa: true },
        { key: 'nps', text: 'Would you recommend us?', type: 'nps' },
        { key: 'csat', text: 'How satisfied?', type: 'csat' },
        { key: 'ces', text: 'Easy?', type: 'ces' },
        { key: 'receipt', text: 'Photo of the receipt', type: 'photo', required: extra.receiptRequired ?? false },
        { key: 'notes', text: 'Notes', type: 'text' },
      ],
    },
  ],
});

export interface Fixture {
  ownId: number;
  rivalId: number;
}

/** The mini-store template plus an own business and a competitor. */
export async function seedScorecard(t: TestApp, extra: Parameters<typeof scorecard>[0] = {}): Promise<Fixture> {
  expect((await t.call('admin', 'POST', '/api/templates', scorecard(extra))).status).toBe(201);
  const own = await (await t.call('admin', 'POST', '/api/businesses', { name: 'Our Coffee', own: true })).json();
  const rival = await (await t.call('admin', 'POST', '/api/businesses', { name: 'Rival Beans' })).json();
  return { ownId: own.id, rivalId: rival.id };
}

export async function assign(t: TestApp, businessId: number, more: Record<string, unknown> = {}): Promise<number> {
  const res = await t.call('marketer', 'POST', '/api/visits', { templateKey: 'mini-store', businessId, auditor: 'auditor', ...more });
  expect(res.status).toBe(201);
  return (await res.json()).id;
}

/** A request with another user's bearer token (e.g. a second auditor). */
export function callAs(t: TestApp, token: string, method: string, path: string, body?: unknown) {
  const headers: Record<string, string> = { authorization: `Bearer ${token}` };
  if (body !== undefined) headers['content-type'] = 'application/json';
  return t.app.request(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
}

export async function move(t: TestApp, role: 'auditor' | 'marketer' | 'admin', id: number, to: string, note?: string) {
  const res = await t.call(role, 'POST', `/api/visits/${id}/transitions`, note === undefined ? { to } : { to, note });
  expect(res.status, `${role} → ${to}: ${JSON.stringify(await res.clone().json())}`).toBe(200);
  return res.json();
}

/** Assigns, fills and submits as the auditor, then reviews, approves and publishes as the marketer. */
export async function publishedVisit(
  t: TestApp,
  businessId: number,
  answers: Record<string, unknown>,
  visitedAt: string,
  location: string | null = null,
): Promise<number> {
  const id = await assign(t, businessId, { location });
  expect((await t.call('auditor', 'PUT', `/api/visits/${id}/answers`, { answers, visitedAt })).status).toBe(200);
  await move(t, 'auditor', id, 'submitted');
  await move(t, 'marketer', id, 'in_review');
  await move(t, 'marketer', id, 'approved');
  await move(t, 'marketer', id, 'published');
  return id;
}

export const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);

export function upload(t: TestApp, role: 'auditor' | 'marketer', id: number, question: string, body: Buffer, type: string) {
  return t.app.request(`/api/visits/${id}/evidence?question=${question}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${t.tokens[role]}`, 'content-type': type },
    body: new Uint8Array(body),
  });
}
