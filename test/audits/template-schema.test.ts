import { describe, expect, it } from 'vitest';
import { parseTemplate, type TemplateInput } from '../../audits/template-schema.ts';
import { issueExample } from './template-fixture.ts';

function issuesOf(input: unknown) {
  const parsed = parseTemplate(input);
  if (parsed.ok) throw new Error('expected the template to be invalid');
  return parsed.issues;
}

function withQuestions(questions: unknown[]): unknown {
  return { key: 't', title: 'T', touchpoint: 'phone', sections: [{ key: 's', title: 'S', questions }] };
}

describe('parseTemplate', () => {
  it('accepts the example from the issue and fills defaults', () => {
    const parsed = parseTemplate(issueExample);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const [greeted, loyalty] = parsed.value.sections[0]!.questions;
    expect(greeted).toMatchObject({ allowNa: false, required: true, bonus: false, critical: 'section' });
    expect(loyalty).toMatchObject({ allowNa: true, required: false, bonus: false });
  });

  it('names the path of structural errors', () => {
    const issues = issuesOf({
      key: 'bad key!',
      title: 'T',
      touchpoint: 'moon',
      passMark: 120,
      sections: [
        { key: 's', title: 'S', weight: 0, questions: [{ key: 'a', type: 'yesno', allowNA: true }, { key: 'b', type: 'choice' }, { key: 'c', type: 'rating' }, { key: 'd', type: 'smell' }] },
      ],
    });
    const paths = issues.map((i) => i.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        'key',
        'touchpoint',
        'passMark',
        'sections[0].weight',
        'sections[0].questions[0].allowNA',
        'sections[0].questions[1].options',
        'sections[0].questions[2].scale',
        'sections[0].questions[3].type',
      ]),
    );
    expect(issues.find((i) => i.path === 'sections[0].questions[0].allowNA')?.message).toBe('unknown field');
  });

  it('says "required" for a missing field', () => {
    expect(issuesOf({ key: 't', touchpoint: 'store', sections: [{ key: 's', title: 'S', questions: [{ key: 'c', type: 'choice' }] }] })).toEqual([
      { path: 'title', message: 'required' },
      { path: 'sections[0].questions[0].options', message: 'required' },
    ]);
  });

  it('rejects fields that belong to another question type', () => {
    const paths = issuesOf(withQuestions([{ key: 'a', type: 'yesno', points: 1, options: [] }, { key: 'b', type: 'choice', points: 3, options: [{ key: 'x', label: 'X' }, { key: 'y', label: 'Y' }] }])).map((i) => i.path);
    expect(paths).toEqual(['sections[0].questions[0].options', 'sections[0].questions[1].points']);
  });

  it('requires keys unique across sections and questions', () => {
    const issues = issuesOf({
      key: 't',
      title: 'T',
      touchpoint: 'store',
      sections: [
        { key: 'greeting', title: 'A', questions: [{ key: 'q1', type: 'text' }, { key: 'greeting', type: 'text' }] },
        { key: 'q1', title: 'B', questions: [{ key: 'q2', type: 'text' }, { key: 'q2', type: 'text' }] },
      ],
    });
    expect(issues).toEqual([
      { path: 'sections[0].questions[1].key', message: 'duplicate key "greeting" (already used at sections[0])' },
      { path: 'sections[1].key', message: 'duplicate key "q1" (already used at sections[0].questions[0])' },
      { path: 'sections[1].questions[1].key', message: 'duplicate key "q2" (already used at sections[1].questions[0])' },
    ]);
  });

  it('checks options: at least 2 for a choice, unique keys, "na" reserved, no negative choice points', () => {
    expect(issuesOf(withQuestions([{ key: 'a', type: 'choice', options: [{ key: 'x', label: 'X' }] }, { key: 'b', type: 'multi', options: [] }])).map((i) => i.path)).toEqual([
      'sections[0].questions[0].options',
      'sections[0].questions[1].options',
    ]);
    const issues = issuesOf(
      withQuestions([
        { key: 'a', type: 'choice', options: [{ key: 'x', label: 'X', points: -1 }, { key: 'x', label: 'Y' }] },
        { key: 'b', type: 'multi', options: [{ key: 'na', label: 'None', points: -1 }] },
      ]),
    );
    expect(issues).toEqual([
      { path: 'sections[0].questions[0].options[0].points', message: 'choice option points may not be negative' },
      { path: 'sections[0].questions[0].options[1].key', message: 'duplicate option key "x"' },
      { path: 'sections[0].questions[1].options[0].key', message: '"na" is reserved for N/A answers' },
    ]);
  });

  it('checks bands: only the last open-ended, maxes increasing', () => {
    const bands = (b: unknown[]) => withQuestions([{ key: 'n', type: 'number', bands: b }]);
    expect(parseTemplate(bands([{ max: 1, points: 3 }, { max: 4, points: 1 }])).ok).toBe(true);
    expect(issuesOf(bands([]))[0]?.path).toBe('sections[0].questions[0].bands');
    expect(issuesOf(bands([{ points: 3 }, { max: 4, points: 1 }]))).toEqual([
      { path: 'sections[0].questions[0].bands[0].max', message: 'only the last band may be open-ended (without max)' },
    ]);
    expect(issuesOf(bands([{ max: 5, points: 3 }, { max: 5, points: 1 }, { points: 0 }]))).toEqual([
      { path: 'sections[0].questions[0].bands[1].max', message: 'band maxes must increase (5 after 5)' },
    ]);
    expect(issuesOf(bands([{ max: 1, points: -1 }]))[0]?.path).toBe('sections[0].questions[0].bands[0].points');
  });

  it('requires points on bonus and critical questions, and no critical bonus', () => {
    const issues = issuesOf(
      withQuestions([
        { key: 'a', type: 'yesno', bonus: true },
        { key: 'b', type: 'nps', critical: 'visit' },
        { key: 'c', type: 'yesno', points: 1, bonus: true, critical: 'section' },
        { key: 'd', type: 'choice', critical: 'section', options: [{ key: 'x', label: 'X' }, { key: 'y', label: 'Y' }] },
      ]),
    );
    expect(issues).toEqual([
      { path: 'sections[0].questions[0].bonus', message: 'a bonus question needs points' },
      { path: 'sections[0].questions[1].critical', message: 'a critical question needs points (it is critical when it earns 0)' },
      { path: 'sections[0].questions[2].critical', message: 'a bonus question cannot be critical' },
      { path: 'sections[0].questions[3].critical', message: 'a critical question needs points (it is critical when it earns 0)' },
    ]);
  });

  it('needs at least one section and one question per section', () => {
    const empty: TemplateInput = { key: 't', title: 'T', touchpoint: 'email', sections: [] };
    expect(issuesOf(empty)[0]?.path).toBe('sections');
    expect(issuesOf(withQuestions([]))[0]?.path).toBe('sections[0].questions');
  });
});
