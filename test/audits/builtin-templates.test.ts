import { describe, expect, it } from 'vitest';
import { parseAnswers, type Answers } from '../../audits/answers-schema.ts';
import { loadBuiltinTemplates } from '../../audits/builtin-templates.ts';
import { possiblePoints } from '../../audits/question-points.ts';
import { missingRequired, scoreVisit } from '../../audits/scoring.ts';
import type { Question, Template } from '../../audits/template-schema.ts';

const templates = loadBuiltinTemplates();

/** The best answer to each question: full points everywhere (bonus included). */
function bestAnswer(question: Question): Answers[string] {
  switch (question.type) {
    case 'yesno':
      return true;
    case 'choice':
      return [...question.options].sort((a, b) => b.points - a.points)[0]!.key;
    case 'multi':
      return question.options.filter((o) => o.points > 0).map((o) => o.key);
    case 'number':
      return question.bands[0]!.max ?? 0;
    case 'rating':
      return question.scale;
    case 'nps':
      return 10;
    case 'csat':
      return 5;
    case 'ces':
      return 7;
    case 'photo':
      return 'evidence-1';
    case 'datetime':
      return '2026-11-20T10:00:00+01:00';
    default:
      return 'Noted.';
  }
}

const questionsOf = (t: Template) => t.sections.flatMap((s) => s.questions);

describe('built-in templates', () => {
  it('covers the six touchpoints of the issue', () => {
    expect(templates.map((t) => [t.key, t.touchpoint])).toEqual([
      ['email-enquiry', 'email'],
      ['live-chat', 'chat'],
      ['phone-call', 'phone'],
      ['returns-complaint', 'returns'],
      ['store-visit', 'store'],
      ['website', 'website'],
    ]);
  });

  for (const t of templates) {
    describe(t.key, () => {
      it('checks the industry basics: a loyalty or offer question, a critical item, NPS, CSAT and CES, evidence', () => {
        const types = new Set(questionsOf(t).map((q) => q.type));
        expect([...types]).toEqual(expect.arrayContaining(['nps', 'csat', 'ces', 'photo', 'datetime']));
        expect(questionsOf(t).some((q) => q.key.startsWith('loyalty'))).toBe(true);
        expect(questionsOf(t).some((q) => q.critical)).toBe(true);
        expect(t.passMark).toBeGreaterThan(0);
      });

      it('scores 100 % and passes with the best answers, which leave nothing required missing', () => {
        const input = Object.fromEntries(questionsOf(t).map((q) => [q.key, bestAnswer(q)]));
        const parsed = parseAnswers(t, { answers: input });
        expect(parsed.ok).toBe(true);
        if (!parsed.ok) return;
        expect(missingRequired(t, parsed.value)).toEqual([]);
        const score = scoreVisit(t, parsed.value);
        expect(score.overall.percent).toBe(100);
        expect(score.result).toBe('pass');
        expect(score.overall.possible).toBe(questionsOf(t).filter((q) => !q.bonus).reduce((sum, q) => sum + possiblePoints(q), 0));
      });

      it('fails an empty visit with the visit-critical questions reported', () => {
        const score = scoreVisit(t, {});
        expect(score.result).toBe('fail');
        const critical = questionsOf(t).filter((q) => q.critical === 'visit').map((q) => q.key);
        expect(score.autoFail.map((f) => f.question)).toEqual(critical);
        expect(missingRequired(t, {}).length).toBeGreaterThan(0);
      });
    });
  }
});
