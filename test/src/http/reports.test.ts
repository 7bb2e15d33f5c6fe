import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../helpers/test-app.ts';
import { assign, move, publishedVisit, scorecard, seedScorecard, type Fixture } from '../visits/visit-steps.ts';

let t: TestApp;
let f: Fixture;

/**
 * Template: a1 (6 pts), a2 (4 pts, critical for the visit) in section a; b1 (10 pts, critical for its section)
 * in b; pooled points, pass mark 70.
 *   own  Center  Jan 15: all yes                 → a 10/10, b 10/10 → 100 %, pass;  nps 10, csat 5, ces 6
 *   own  Mall    Feb 10: a1 no                    → a  4/10, b 10/10 →  70 %, pass;  nps 7,  csat 3, ces 4
 *   rival Main   Jan 20: a2 no                    → a  6/10, b 10/10 →  80 %, auto-fail; nps 3, csat 4, ces 2
 *   rival Main   Feb 05: a1 no, b1 no             → a  4/10, b  0/10 →  20 %, fail;  nps 9
 * Not counted: a rival visit submitted but unpublished; a published one on Mar 05 (outside the period).
 */
beforeAll(async () => {
  t = await createTestApp();
  f = await seedScorecard(t);
  const all = { a1: true, a2: true, b1: true };
  await publishedVisit(t, f.ownId, { ...all, nps: 10, csat: 5, ces: 6 }, '2026-01-15T10:00:00+01:00', 'Center');
  await publishedVisit(t, f.ownId, { ...all, a1: false, nps: 7, csat: 3, ces: 4 }, '2026-02-10T16:30:00+01:00', 'Mall');
  await publishedVisit(t, f.rivalId, { ...all, a2: false, nps: 3, csat: 4, ces: 2 }, '2026-01-20T09:00:00+01:00', 'Main');
  await publishedVisit(t, f.rivalId, { ...all, a1: false, b1: false, nps: 9 }, '2026-02-05T12:00:00+01:00', 'Main');
  await publishedVisit(t, f.rivalId, { ...all, nps: 0 }, '2026-03-05T12:00:00+01:00', 'Main');
  const pending = await assign(t, f.rivalId);
  await t.call('auditor', 'PUT', `/api/visits/${pending}/answers`, { answers: { a1: false, a2: false, b1: false }, visitedAt: '2026-01-25' });
  await move(t, 'auditor', pending, 'submitted');
});
afterAll(() => t.close());

const report = async (query = '?from=2026-01-01&to=2026-02-28&touchpoint=store') => {
  const res = await t.call('marketer', 'GET', `/api/reports/touchpoints${query}`);
  expect(res.status).toBe(200);
  return res.json();
};

describe('GET /api/reports/touchpoints', () => {
  it('sums up the period over published visits only', async () => {
    expect(await report()).toMatchObject({ from: '2026-01-01', to: '2026-02-28', touchpoint: 'store', visits: 4, averageScore: 67.5, passRate: 50, autoFails: 1 });
  });

  it('reports the own business with sections, trend, missed questions, NPS, CSAT and CES', async () => {
    const { own } = await report();
    expect(own).toMatchObject({ name: 'Our Coffee', own: true, visits: 2, averageScore: 85, passRate: 100, autoFails: 0, vsOwn: null });
    expect(own.sections).toEqual([
      { key: 'a', title: 'Greeting', visits: 2, averagePercent: 70 },
      { key: 'b', title: 'Closing', visits: 2, averagePercent: 100 },
    ]);
    expect(own.trend).toEqual([
      { month: '2026-01', visits: 1, averageScore: 100, passRate: 100, autoFails: 0 },
      { month: '2026-02', visits: 1, averageScore: 70, passRate: 100, autoFails: 0 },
    ]);
    expect(own.missedQuestions).toEqual([{ question: 'a1', text: 'Greeted?', asked: 2, missed: 1, missRate: 50 }]);
    expect(own.nps).toEqual({ responses: 2, promoters: 1, passives: 1, detractors: 0, score: 50 });
    expect(own.csat).toEqual({ responses: 2, satisfied: 1, score: 50 });
    expect(own.ces).toEqual({ responses: 2, mean: 5 });
  });

  it('sets each competitor against the own business', async () => {
    const { competitors } = await report();
    expect(competitors).toHaveLength(1);
    const [rival] = competitors;
    expect(rival).toMatchObject({ name: 'Rival Beans', own: false, visits: 2, averageScore: 50, passRate: 0, autoFails: 1, vsOwn: -35 });
    expect(rival.autoFailQuestions).toEqual([{ question: 'a2', visits: 1 }]);
    expect(rival.sections.map((s: { averagePercent: number }) => s.averagePercent)).toEqual([50, 50]);
    expect(rival.missedQuestions.map((q: { question: string; missed: number }) => `${q.question}:${q.missed}`)).toEqual(['a1:1', 'a2:1', 'b1:1']);
    expect(rival.nps).toMatchObject({ responses: 2, promoters: 1, detractors: 1, score: 0 });
    expect(rival.csat).toMatchObject({ responses: 1, score: 100 });
    expect(rival.ces).toEqual({ responses: 1, mean: 2 });
  });

  it('ranks businesses and locations', async () => {
    const { league } = await report();
    expect(league.businesses.map((r: { rank: number; name: string; averageScore: number }) => [r.rank, r.name, r.averageScore])).toEqual([
      [1, 'Our Coffee', 85],
      [2, 'Rival Beans', 50],
    ]);
    expect(league.locations.map((r: { rank: number; location: string; averageScore: number }) => [r.rank, r.location, r.averageScore])).toEqual([
      [1, 'Center', 100],
      [2, 'Mall', 70],
      [3, 'Main', 50],
    ]);
  });

  it('filters by period and touchpoint', async () => {
    expect((await report('?from=2026-02-01&to=2026-02-28')).visits).toBe(2);
    expect((await report('')).visits).toBe(5);
    expect((await report('?touchpoint=phone')).visits).toBe(0);
    expect((await report('?touchpoint=phone')).own).toBeNull();
    expect((await t.call('marketer', 'GET', '/api/reports/touchpoints?from=January')).status).toBe(400);
  });

  it('reads stored scores: a new template version never rescores reported visits', async () => {
    const before = await report();
    expect((await t.call('admin', 'PUT', '/api/templates/mini-store', scorecard({ a1Points: 30 }))).status).toBe(201);
    expect(await report()).toEqual(before);
    const old = (await (await t.call('viewer', 'GET', '/api/visits?limit=200')).json()).items;
    expect(old.every((v: { templateVersion: number }) => v.templateVersion === 1)).toBe(true);
    // amending after the new version still scores against version 1 (a1 worth 6, not 30): 16/20
    const rivalJan = old.find((v: { percent: number }) => v.percent === 80).id;
    await move(t, 'marketer', rivalJan, 'disputed', 'recount');
    expect((await move(t, 'admin', rivalJan, 'amended', 'recounted')).score.overall).toEqual({ earned: 16, possible: 20, percent: 80 });
    expect(await report()).toEqual(before);
  });

  it('is for marketers, admins and viewers, not auditors', async () => {
    expect((await t.call('viewer', 'GET', '/api/reports/touchpoints')).status).toBe(200);
    expect((await t.call('admin', 'GET', '/api/reports/touchpoints')).status).toBe(200);
    expect((await t.call('auditor', 'GET', '/api/reports/touchpoints')).status).toBe(403);
  });
});
