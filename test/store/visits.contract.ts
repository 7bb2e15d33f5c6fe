import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { VisitScore } from '../../audits/scoring.ts';
import type { StoreHandle } from '../../src/store/store.ts';
import type { VisitInput } from '../../src/store/visits.ts';
import type { StoreFactory } from '../helpers/store-factory.ts';
import { templateDoc } from './template-fixture.ts';

const isoDate = (value: string | null) => value !== null && !Number.isNaN(Date.parse(value));

const SCORE: VisitScore = {
  overall: { earned: 5, possible: 5, percent: 100 },
  result: 'pass',
  autoFail: [],
  sections: [{ key: 's', earned: 5, possible: 5, percent: 100, passed: null }],
  questions: [{ key: 'q', earned: 5, possible: 5, na: false }],
};

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);

/** What every backend's VisitStore (visits, their trail and evidence) must do. */
export function visitsContract(open: StoreFactory) {
  describe('visits', () => {
    let store: StoreHandle;
    let input: VisitInput;
    let reviewer: number;
    let rivalId: number;
    beforeEach(async () => {
      store = await open();
      const auditorId = (await store.users.createToken('auditor', 'auditor')).info.userId;
      reviewer = (await store.users.createToken('marketer', 'marketer')).info.userId;
      const own = await store.businesses.create({ name: 'Our Coffee', own: true, website: null, locale: null });
      rivalId = (await store.businesses.create({ name: 'Rival Beans', own: false, website: null, locale: null })).id;
      await store.transaction((tx) => tx.templates.create(templateDoc('mini', { touchpoint: 'store' }), { publishedBy: null, builtin: false }));
      await store.transaction((tx) => tx.templates.create(templateDoc('call', { touchpoint: 'phone' }), { publishedBy: null, builtin: false }));
      const { id: templateVersionId } = await store.templates.latestVersion('mini');
      input = { templateVersionId, businessId: own.id, location: 'Center', auditorId, scenario: 'buy a latte', dueDate: '2026-12-01' };
    });
    afterEach(() => store.close());

    it('creates an assigned visit and reads it back with its template, business and auditor', async () => {
      const visit = await store.visits.create(input, reviewer);
      expect(visit).toMatchObject({
        ...input,
        templateKey: 'mini',
        templateVersion: 1,
        touchpoint: 'store',
        businessName: 'Our Coffee',
        own: true,
        auditor: 'auditor',
        state: 'assigned',
        answers: {},
        visitedAt: null,
        score: null,
        scoredAnswers: null,
        submittedAt: null,
        publishedAt: null,
      });
      expect(isoDate(visit.createdAt) && isoDate(visit.updatedAt)).toBe(true);
      expect(await store.visits.get(visit.id)).toEqual(visit);
      await expect(store.visits.get(visit.id + 1)).rejects.toMatchObject({ code: 'not_found' });
    });

    it('saves answers only while the visit is in the state given', async () => {
      const { id } = await store.visits.create(input, reviewer);
      expect(await store.visits.saveAnswers(id, 'assigned', { q: true }, '2026-01-05')).toBe(true);
      expect(await store.visits.get(id)).toMatchObject({ answers: { q: true }, visitedAt: '2026-01-05' });
      expect(await store.visits.saveAnswers(id, 'assigned', { q: 'na' }, null)).toBe(true);
      expect(await store.visits.get(id)).toMatchObject({ answers: { q: 'na' }, visitedAt: '2026-01-05' });
      expect(await store.visits.saveAnswers(id, 'draft', { q: false }, null)).toBe(false);
      expect((await store.visits.get(id)).answers).toEqual({ q: 'na' });
    });

    it('changes state only from the state given, storing the score and stamping submission and publication', async () => {
      const { id } = await store.visits.create(input, reviewer);
      expect(await store.visits.changeState(id, 'draft', 'submitted', {})).toBe(false);
      expect(await store.visits.changeState(id, 'assigned', 'draft', {})).toBe(true);
      await store.visits.saveAnswers(id, 'draft', { q: true }, null);
      const change = { score: SCORE, scoredAnswers: { q: true }, visitedAt: '2026-01-10T09:00:00.000Z' };
      expect(await store.visits.changeState(id, 'draft', 'submitted', change)).toBe(true);
      const submitted = await store.visits.get(id);
      expect(submitted).toMatchObject({ state: 'submitted', answers: { q: true }, score: SCORE, scoredAnswers: { q: true }, visitedAt: change.visitedAt, publishedAt: null });
      expect(isoDate(submitted.submittedAt)).toBe(true);

      await store.visits.changeState(id, 'submitted', 'approved', { ...change, visitedAt: '2030-01-01T00:00:00.000Z' });
      expect((await store.visits.get(id)).visitedAt).toBe(change.visitedAt);
      await store.visits.changeState(id, 'approved', 'published', {});
      const published = await store.visits.get(id);
      expect(published).toMatchObject({ state: 'published', score: SCORE, submittedAt: submitted.submittedAt });
      expect(isoDate(published.publishedAt)).toBe(true);
      await store.visits.changeState(id, 'published', 'upheld', { answers: { q: false } });
      expect(await store.visits.get(id)).toMatchObject({ answers: { q: false }, scoredAnswers: { q: true } });
    });

    it('keeps the trail: who, when, why, oldest first', async () => {
      const { id } = await store.visits.create(input, reviewer);
      await store.visits.addTransition(id, { from: null, to: 'assigned', userId: reviewer, note: 'buy a latte' });
      await store.visits.addTransition(id, { from: 'assigned', to: 'draft', userId: input.auditorId, note: null });
      const trail = await store.visits.transitions(id);
      expect(trail.map(({ from, to, by, note }) => ({ from, to, by, note }))).toEqual([
        { from: null, to: 'assigned', by: 'marketer', note: 'buy a latte' },
        { from: 'assigned', to: 'draft', by: 'auditor', note: null },
      ]);
      expect(trail[0]!.id).toBeLessThan(trail[1]!.id);
      expect(trail.every((entry) => isoDate(entry.at))).toBe(true);
      expect(await store.visits.transitions(id + 1)).toEqual([]);
    });

    it('a state change and its trail entry land together or not at all', async () => {
      const { id } = await store.visits.create(input, reviewer);
      await expect(
        store.transaction(async (tx) => {
          await tx.visits.changeState(id, 'assigned', 'draft', {});
          await tx.visits.addTransition(id, { from: 'assigned', to: 'draft', userId: input.auditorId, note: null });
          throw new Error('boom');
        }),
      ).rejects.toThrow('boom');
      expect((await store.visits.get(id)).state).toBe('assigned');
      expect(await store.visits.transitions(id)).toEqual([]);
    });

    it('reassigns, and answers not found for an unknown visit', async () => {
      const { id } = await store.visits.create(input, reviewer);
      const other = (await store.users.createToken('auditor2', 'auditor')).info.userId;
      const moved = await store.visits.reassign(id, { auditorId: other, location: null, scenario: 'call back', dueDate: null });
      expect(moved).toMatchObject({ auditorId: other, auditor: 'auditor2', location: null, scenario: 'call back', dueDate: null });
      await expect(store.visits.reassign(id + 1, moved)).rejects.toMatchObject({ code: 'not_found' });
    });

    it('finds auditors by name, and only auditors', async () => {
      expect(await store.visits.auditorId('auditor')).toBe(input.auditorId);
      expect(await store.visits.auditorId('marketer')).toBeNull();
      expect(await store.visits.auditorId('nobody')).toBeNull();
    });

    it('lists and exports by state, auditor, business, template, touchpoint and visit date', async () => {
      const { id: phoneVersion } = await store.templates.latestVersion('call');
      const a = await store.visits.create(input, reviewer);
      const b = await store.visits.create({ ...input, businessId: rivalId }, reviewer);
      const c = await store.visits.create({ ...input, templateVersionId: phoneVersion }, reviewer);
      await store.visits.saveAnswers(a.id, 'assigned', {}, '2026-01-31T23:30:00+01:00');
      await store.visits.saveAnswers(b.id, 'assigned', {}, '2026-02-01');
      await store.visits.changeState(c.id, 'assigned', 'draft', {});
      const ids = async (query: Parameters<typeof store.visits.all>[0]) => (await store.visits.all(query)).map((v) => v.id);

      expect(await ids({})).toEqual([a.id, b.id, c.id]);
      expect(await ids({ states: ['draft', 'submitted'] })).toEqual([c.id]);
      expect(await ids({ states: [] })).toEqual([]);
      expect(await ids({ auditorId: input.auditorId + 100 })).toEqual([]);
      expect(await ids({ businessId: rivalId })).toEqual([b.id]);
      expect(await ids({ templateKey: 'call' })).toEqual([c.id]);
      expect(await ids({ touchpoint: 'store' })).toEqual([a.id, b.id]);
      expect(await ids({ from: '2026-01-31', to: '2026-01-31' })).toEqual([a.id]);
      expect(await ids({ from: '2026-02-01' })).toEqual([b.id]);
      expect(await ids({ to: '2026-02-01' })).toEqual([a.id, b.id]);

      const first = await store.visits.list({ limit: 2 });
      expect(first.items.map((v) => v.id)).toEqual([a.id, b.id]);
      const next = await store.visits.list({ limit: 2, after: first.nextAfter! });
      expect(next).toEqual({ items: [await store.visits.get(c.id)], nextAfter: null });
      expect(await store.visits.list({ limit: 2, states: [] })).toEqual({ items: [], nextAfter: null });
    });

    it('stores evidence with its size and hash, per visit', async () => {
      const visit = await store.visits.create(input, reviewer);
      const other = await store.visits.create(input, reviewer);
      const added = await store.visits.evidence.add(visit.id, { question: 'q', contentType: 'image/png', bytes: PNG, uploadedBy: input.auditorId });
      expect(added).toMatchObject({
        visitId: visit.id,
        question: 'q',
        contentType: 'image/png',
        size: PNG.byteLength,
        sha256: createHash('sha256').update(PNG).digest('hex'),
        uploadedBy: 'auditor',
      });
      expect(isoDate(added.uploadedAt)).toBe(true);
      expect(await store.visits.evidence.get(visit.id, added.id)).toEqual(added);
      expect(await store.visits.evidence.list(visit.id)).toEqual([added]);
      expect(await store.visits.evidence.list(other.id)).toEqual([]);
      const { evidence, bytes } = await store.visits.evidence.download(visit.id, added.id);
      expect(evidence).toEqual(added);
      expect(Buffer.from(bytes).equals(PNG)).toBe(true);
      await expect(store.visits.evidence.get(other.id, added.id)).rejects.toMatchObject({ code: 'not_found' });
      await expect(store.visits.evidence.download(other.id, added.id)).rejects.toMatchObject({ code: 'not_found' });
    });
  });
}
