import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../helpers/test-app.ts';
import { csvCell } from '../../../src/csv.ts';
import { assign, publishedVisit, seedScorecard, type Fixture } from '../visits/visit-steps.ts';

let t: TestApp;
let f: Fixture;
beforeEach(async () => {
  t = await createTestApp();
  f = await seedScorecard(t);
});
afterEach(() => t.close());

describe('GET /api/visits/export', () => {
  it('writes CSV that a spreadsheet will not run as formulas', async () => {
    const id = await publishedVisit(t, f.rivalId, { a1: true, a2: true, b1: true, notes: '=HYPERLINK("http://x","y")' }, '2026-01-15', '=cmd|\' /C calc\'!A0');
    await assign(t, f.ownId, { scenario: '+SUM(1,2)', location: '@evil' });
    const res = await t.call('marketer', 'GET', '/api/visits/export?format=csv');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/csv');
    expect(res.headers.get('content-disposition')).toContain('visits.csv');
    const lines = (await res.text()).split('\r\n');
    expect(lines[0]).toBe(
      'id,template,template_version,touchpoint,business_id,business,own,location,auditor,scenario,due_date,state,visited_at,submitted_at,published_at,percent,result,auto_fail,answers',
    );
    expect(lines).toHaveLength(4);
    expect(lines[1]).toMatch(new RegExp(`^${id},mini-store,1,store,${f.rivalId},Rival Beans,false,'=cmd\\|' /C calc'!A0,auditor,,,published,`));
    expect(lines[1]).toContain(',100,pass,');
    expect(lines[1]).toContain('""notes"":""=HYPERLINK(');
    expect(lines[2]).toContain(`,'@evil,auditor,"'+SUM(1,2)",,assigned,`);
    for (const line of lines.slice(1, 3)) expect(line).not.toMatch(/(^|,)"?[=+\-@]/);
  });

  it('quotes cells that need it and defuses formulas', () => {
    expect(csvCell('a "b", c\nd')).toBe('"a ""b"", c\nd"');
    expect(csvCell('-2+3')).toBe(`'-2+3`);
    expect(csvCell('\tx')).toBe(`'\tx`);
    expect(csvCell(-2)).toBe('-2');
    expect(csvCell(null)).toBe('');
  });

  it('exports JSON with answers and scores, filtered like the list', async () => {
    await publishedVisit(t, f.rivalId, { a1: true, a2: true, b1: true }, '2026-01-15');
    await assign(t, f.ownId);
    const all = await (await t.call('admin', 'GET', '/api/visits/export?format=json')).json();
    expect(all).toHaveLength(2);
    expect(all[0]).toMatchObject({ state: 'published', answers: { a1: true }, score: { overall: { percent: 100 } } });
    const published = await (await t.call('admin', 'GET', '/api/visits/export?format=json&state=published')).json();
    expect(published).toHaveLength(1);
    const viewer = await (await t.call('viewer', 'GET', '/api/visits/export?format=json')).json();
    expect(viewer.map((v: { state: string }) => v.state)).toEqual(['published']);
    const january = await (await t.call('admin', 'GET', '/api/visits/export?format=json&from=2026-01-01&to=2026-01-31')).json();
    expect(january).toHaveLength(1);
  });
});
