import { describe, expect, it } from 'vitest';
import { parseAnswers } from '../../audits/answers-schema.ts';
import { missingRequired, scoreVisit } from '../../audits/scoring.ts';
import type { Template, TemplateInput } from '../../audits/template-schema.ts';
import { issueExample, template, yesnoSection } from './template-fixture.ts';

function score(t: Template, answers: Record<string, unknown>) {
  const parsed = parseAnswers(t, { answers });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return scoreVisit(t, parsed.value);
}

const example = template(issueExample);
const twoSections = (sections: TemplateInput['sections'], passMark?: number) =>
  template({ key: 't', title: 'T', touchpoint: 'store', ...(passMark === undefined ? {} : { passMark }), sections });
const yes = (...keys: string[]) => Object.fromEntries(keys.map((k) => [k, true]));

describe('scoreVisit on the issue example', () => {
  it('scores each question type and keeps exact, unrounded values', () => {
    const s = score(example, { greeted: true, loyalty: 'asked', wait: 3, extras: ['card'], smile: true, recommend: 9, receipt: 'ev-1' });
    // 5 + 2 + 2 (band max 5) + 2 (card) + 2 bonus = 13 of 5 + 4 + 5 + 3 = 17
    expect(s).toEqual({
      overall: { earned: 13, possible: 17, percent: 1300 / 17 },
      result: 'fail',
      autoFail: [],
      sections: [{ key: 'greeting', earned: 13, possible: 17, percent: 1300 / 17, passed: true }],
      questions: [
        { key: 'greeted', earned: 5, possible: 5, na: false },
        { key: 'loyalty', earned: 2, possible: 4, na: false },
        { key: 'wait', earned: 2, possible: 5, na: false },
        { key: 'extras', earned: 2, possible: 3, na: false },
        { key: 'smile', earned: 2, possible: 0, na: false },
        { key: 'recommend', earned: 0, possible: 0, na: false },
        { key: 'notes', earned: 0, possible: 0, na: false },
        { key: 'receipt', earned: 0, possible: 0, na: false },
      ],
    });
    expect(s.overall.percent).not.toBe(76.47);
  });

  it('caps a section at 100 % when bonus points push it over', () => {
    const s = score(example, { greeted: true, loyalty: 'unprompted', wait: 1, extras: ['bag', 'card'], smile: true });
    expect(s.sections[0]).toEqual({ key: 'greeting', earned: 17, possible: 17, percent: 100, passed: true });
    expect(s.overall).toEqual({ earned: 17, possible: 17, percent: 100 });
    expect(s.result).toBe('pass');
  });

  it('takes N/A out of the denominator; an unanswered optional question stays in it', () => {
    const base = { greeted: true, wait: 1, extras: [] };
    const na = score(example, { ...base, loyalty: 'na' });
    expect(na.questions[1]).toEqual({ key: 'loyalty', earned: 0, possible: 0, na: true });
    expect(na.overall).toEqual({ earned: 10, possible: 13, percent: 1000 / 13 });
    const unanswered = score(example, base);
    expect(unanswered.questions[1]).toEqual({ key: 'loyalty', earned: 0, possible: 4, na: false });
    expect(unanswered.overall).toEqual({ earned: 10, possible: 17, percent: 1000 / 17 });
  });

  it('sets the section to 0 % when a critical "section" question earns 0, without an auto-fail', () => {
    const s = score(example, { greeted: false, loyalty: 'unprompted', wait: 1, extras: ['bag', 'card'], smile: true });
    expect(s.sections[0]).toEqual({ key: 'greeting', earned: 0, possible: 17, percent: 0, passed: false });
    expect(s.questions[0]).toEqual({ key: 'greeted', earned: 0, possible: 5, na: false });
    expect(s.autoFail).toEqual([]);
    expect(s.result).toBe('fail');
  });
});

describe('scoreVisit rules', () => {
  it('weights the overall % by section weight', () => {
    // A: 8 of 10 = 80 %, weight 3; B: 1 of 4 = 25 %, weight 1 → (3·80 + 25) / 4
    const t = twoSections([yesnoSection('a', [5, 3, 2], { weight: 3 }), yesnoSection('b', [1, 1, 1, 1], { weight: 1 })]);
    const s = score(t, yes('a0', 'a1', 'b0'));
    expect(s.sections.map((x) => x.percent)).toEqual([80, 25]);
    expect(s.overall).toEqual({ earned: 9, possible: 14, percent: 66.25 });
  });

  it('weighs a section without weight by its possible points (pooled by default)', () => {
    const pooled = twoSections([yesnoSection('a', [5, 3, 2]), yesnoSection('b', [1, 1, 1, 1])]);
    expect(score(pooled, yes('a0', 'a1', 'b0')).overall.percent).toBe(900 / 14);
    // A weight 2 at 80 %, B weighs its 4 possible points at 25 % → (160 + 100) / 6
    const mixed = twoSections([yesnoSection('a', [5, 3, 2], { weight: 2 }), yesnoSection('b', [1, 1, 1, 1])]);
    expect(score(mixed, yes('a0', 'a1', 'b0')).overall.percent).toBe(260 / 6);
  });

  it('treats a section with possible 0 as N/A, outside the weighted mean', () => {
    const naSection = { key: 'c', title: 'C', weight: 5, passMark: 90, questions: [{ key: 'c0', type: 'yesno' as const, points: 3, allowNa: true }] };
    const t = twoSections([yesnoSection('a', [5, 3, 2], { weight: 3 }), yesnoSection('b', [1, 1, 1, 1], { weight: 1 }), naSection]);
    const s = score(t, { ...yes('a0', 'a1', 'b0'), c0: 'na' });
    expect(s.sections[2]).toEqual({ key: 'c', earned: 0, possible: 0, percent: null, passed: null });
    expect(s.overall.percent).toBe(66.25);
  });

  it('gives an all-N/A visit no percent: fail with a pass mark, pass without', () => {
    const section = { key: 's', title: 'S', questions: [{ key: 'q', type: 'yesno' as const, points: 3, allowNa: true }] };
    expect(score(twoSections([section], 80), { q: 'na' })).toMatchObject({ overall: { earned: 0, possible: 0, percent: null }, result: 'fail' });
    expect(score(twoSections([section]), { q: 'na' })).toMatchObject({ overall: { percent: null }, result: 'pass' });
  });

  it('does not let bonus points of one section spill into another (visit capped at 100 %)', () => {
    const a = { key: 'a', title: 'A', questions: [{ key: 'a0', type: 'yesno' as const, points: 4 }, { key: 'a1', type: 'yesno' as const, points: 4, bonus: true }] };
    const s = score(twoSections([a, yesnoSection('b', [4])]), yes('a0', 'a1'));
    expect(s.sections.map((x) => [x.earned, x.percent])).toEqual([[4, 100], [0, 0]]);
    expect(s.overall).toEqual({ earned: 4, possible: 8, percent: 50 });
  });

  it('zeroes only the section of a failed critical "section" question', () => {
    const a = {
      key: 'a',
      title: 'A',
      weight: 1,
      questions: [{ key: 'a0', type: 'yesno' as const, points: 1, critical: 'section' as const }, { key: 'a1', type: 'yesno' as const, points: 3 }],
    };
    const s = score(twoSections([a, yesnoSection('b', [2], { weight: 1 })]), yes('a1', 'b0'));
    expect(s.sections.map((x) => [x.earned, x.percent])).toEqual([[0, 0], [2, 100]]);
    expect(s.overall).toEqual({ earned: 2, possible: 6, percent: 50 });
  });

  describe('critical "visit"', () => {
    const t = twoSections(
      [{ key: 's', title: 'S', questions: [{ key: 'id', type: 'yesno', points: 1, allowNa: true, critical: 'visit' }, { key: 'x', type: 'yesno', points: 99 }] }],
      80,
    );

    it('fails the visit whatever the score when it earns 0, reported in autoFail', () => {
      const s = score(t, { id: false, x: true });
      expect(s.overall.percent).toBe(99);
      expect(s.autoFail).toEqual([{ question: 'id', reason: 'earned 0 of 1 points' }]);
      expect(s.result).toBe('fail');
      expect(score(t, { x: true }).autoFail).toEqual([{ question: 'id', reason: 'not answered' }]);
    });

    it('does not fire when answered or N/A', () => {
      expect(score(t, { id: true, x: true })).toMatchObject({ autoFail: [], result: 'pass', overall: { percent: 100 } });
      expect(score(t, { id: 'na', x: true })).toMatchObject({ autoFail: [], result: 'pass', overall: { percent: 100 } });
    });
  });

  it('fails a visit when a section misses its pass mark, whatever the overall %', () => {
    const t = twoSections([yesnoSection('a', [1, 1, 1, 1, 1, 1, 1, 1, 1, 1], { passMark: 90 }), yesnoSection('b', [4])], 50);
    const missed = score(t, yes('a0', 'a1', 'a2', 'a3', 'a4', 'a5', 'a6', 'a7', 'b0'));
    expect(missed.sections.map((x) => x.passed)).toEqual([false, null]);
    expect(missed.overall.percent).toBe(1200 / 14);
    expect(missed.result).toBe('fail');
    const met = score(t, yes('a0', 'a1', 'a2', 'a3', 'a4', 'a5', 'a6', 'a7', 'a8', 'b0'));
    expect(met.sections.map((x) => [x.percent, x.passed])).toEqual([[90, true], [100, null]]);
    expect(met.result).toBe('pass');
  });

  it('passes at exactly the pass mark and fails just below it', () => {
    const t = twoSections([yesnoSection('a', [4, 1])], 80);
    expect(score(t, yes('a0')).result).toBe('pass');
    expect(score(twoSections([yesnoSection('a', [4, 1.01])], 80), yes('a0')).result).toBe('fail');
  });

  it('scores a number by the first band whose max is at least the value', () => {
    const bands = [{ max: 2, points: 5 }, { max: 5, points: 2 }];
    const open = twoSections([{ key: 's', title: 'S', questions: [{ key: 'n', type: 'number', bands: [...bands, { points: 0 }] }] }]);
    const closed = twoSections([{ key: 's', title: 'S', questions: [{ key: 'n', type: 'number', bands }] }]);
    const earned = (t: Template, n: number) => score(t, { n }).questions[0];
    expect([-1, 2, 2.01, 5, 5.5, 1000].map((n) => earned(open, n)?.earned)).toEqual([5, 5, 2, 2, 0, 0]);
    expect(earned(closed, 6)).toEqual({ key: 'n', earned: 0, possible: 5, na: false });
  });

  it('scores a multi as the sum of chosen options over the sum of positive ones, never below 0', () => {
    const earned = (extras: string[]) => score(example, { extras }).questions[3];
    expect(earned([])).toEqual({ key: 'extras', earned: 0, possible: 3, na: false });
    expect(earned(['bag'])?.earned).toBe(1);
    expect(earned(['bag', 'card'])?.earned).toBe(3);
    expect(earned(['card', 'pushy'])?.earned).toBe(0);
    expect(earned(['bag', 'pushy'])?.earned).toBe(0);
  });

  it('scores scales linearly from lowest (0) to highest (all points); text, photo, datetime by presence', () => {
    const t = twoSections([
      {
        key: 's',
        title: 'S',
        questions: [
          { key: 'r5', type: 'rating', scale: 5, points: 4 },
          { key: 'r4', type: 'rating', scale: 4, points: 1 },
          { key: 'np', type: 'nps', points: 10 },
          { key: 'cs', type: 'csat', points: 4 },
          { key: 'ce', type: 'ces', points: 6 },
          { key: 'te', type: 'text', points: 2 },
          { key: 'ph', type: 'photo', points: 1 },
          { key: 'dt', type: 'datetime', points: 1 },
          { key: 'free', type: 'rating', scale: 10 },
        ],
      },
    ]);
    const earned = (answers: Record<string, unknown>) => score(t, answers).questions.map((q) => q.earned);
    // r5: 4·(3−1)/4; r4: 1·(2−1)/3; nps 10·7/10; csat 4·(4−1)/4; ces 6·(4−1)/6
    expect(earned({ r5: 3, r4: 2, np: 7, cs: 4, ce: 4, te: 'ok', ph: 'ev1', dt: '2026-11-20T10:00:00Z', free: 10 })).toEqual([2, 1 / 3, 7, 3, 3, 2, 1, 1, 0]);
    expect(earned({ r5: 1, r4: 4, np: 0, cs: 5, ce: 7 })).toEqual([0, 1, 0, 4, 6, 0, 0, 0, 0]);
    expect(score(t, {}).overall.possible).toBe(4 + 1 + 10 + 4 + 6 + 2 + 1 + 1);
  });
});

describe('missingRequired', () => {
  it('lists required questions without an answer; "na" counts as answered', () => {
    expect(missingRequired(example, {})).toEqual(['greeted', 'receipt']);
    expect(missingRequired(example, { greeted: false, notes: 'x' })).toEqual(['receipt']);
    expect(missingRequired(example, { greeted: false, receipt: 'ev-9' })).toEqual([]);
    const t = twoSections([{ key: 's', title: 'S', questions: [{ key: 'q', type: 'yesno', points: 1, required: true, allowNa: true }] }]);
    expect(missingRequired(t, { q: 'na' })).toEqual([]);
  });
});
