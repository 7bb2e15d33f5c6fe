import { describe, expect, it } from 'vitest';
import { parseAnswers } from '../../audits/answers-schema.ts';
import { template } from './template-fixture.ts';

const all = template({
  key: 'all',
  title: 'All types',
  touchpoint: 'store',
  sections: [
    {
      key: 's',
      title: 'S',
      questions: [
        { key: 'yn', type: 'yesno', points: 1, allowNa: true },
        { key: 'ch', type: 'choice', options: [{ key: 'a', label: 'A', points: 1 }, { key: 'b', label: 'B' }] },
        { key: 'mu', type: 'multi', options: [{ key: 'x', label: 'X', points: 1 }, { key: 'y', label: 'Y', points: 1 }] },
        { key: 'nu', type: 'number', bands: [{ points: 1 }] },
        { key: 'ra', type: 'rating', scale: 4 },
        { key: 'np', type: 'nps' },
        { key: 'cs', type: 'csat' },
        { key: 'ce', type: 'ces' },
        { key: 'te', type: 'text' },
        { key: 'ph', type: 'photo' },
        { key: 'dt', type: 'datetime' },
      ],
    },
  ],
});

const good = {
  yn: false,
  ch: 'b',
  mu: ['y', 'x'],
  nu: -2.5,
  ra: 4,
  np: 0,
  cs: 5,
  ce: 1,
  te: 'Asked about the espresso grinder',
  ph: 'ev_123',
  dt: '2026-11-20T14:05:00+01:00',
};

function issues(answers: unknown) {
  const parsed = parseAnswers(all, answers);
  if (parsed.ok) throw new Error('expected invalid answers');
  return parsed.issues;
}

describe('parseAnswers', () => {
  it('accepts a valid value for every question type, and N/A where allowed', () => {
    expect(parseAnswers(all, { answers: good })).toEqual({ ok: true, value: good });
    expect(parseAnswers(all, { answers: { yn: 'na', mu: [], dt: '2026-11-20T14:05:00Z' } })).toEqual({
      ok: true,
      value: { yn: 'na', mu: [], dt: '2026-11-20T14:05:00Z' },
    });
    expect(parseAnswers(all, { answers: {} })).toEqual({ ok: true, value: {} });
  });

  it('names every bad path', () => {
    const bad = {
      yn: 'yes',
      ch: 'c',
      mu: ['x', 'x'],
      nu: '3',
      ra: 5,
      np: 11,
      cs: 0,
      ce: 3.5,
      te: '  ',
      ph: 42,
      dt: '20 Nov 2026',
      nope: true,
    };
    expect(issues({ answers: bad, extra: 1 }).map((i) => i.path)).toEqual([
      'extra',
      'answers.yn',
      'answers.ch',
      'answers.mu',
      'answers.nu',
      'answers.ra',
      'answers.np',
      'answers.cs',
      'answers.ce',
      'answers.te',
      'answers.ph',
      'answers.dt',
      'answers.nope',
    ]);
    expect(issues({ answers: { mu: ['x', 'z'] } })[0]?.path).toBe('answers.mu[1]');
    expect(issues({ answers: { nope: 1 } })).toEqual([{ path: 'answers.nope', message: 'unknown question' }]);
  });

  it('accepts "na" only where the question allows it', () => {
    expect(issues({ answers: { ch: 'na', te: 'na' } })).toEqual([
      { path: 'answers.ch', message: 'N/A is not allowed for this question' },
      { path: 'answers.te', message: 'N/A is not allowed for this question' },
    ]);
  });

  it('rejects documents that are not { answers: {...} }', () => {
    expect(issues([])[0]?.path).toBe('(root)');
    expect(issues({})[0]?.path).toBe('answers');
    expect(issues({ answers: [true] })[0]?.path).toBe('answers');
  });
});
