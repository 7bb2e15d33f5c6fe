import { NA, type AnswerValue, type Answers } from './answers-schema.ts';
import { possiblePoints, scaleRange } from './question-points.ts';
import type { Question, Section, Template } from './template-schema.ts';

export interface QuestionScore {
  key: string;
  earned: number;
  possible: number;
  na: boolean;
}

/** `earned` is after the 100 % cap and a critical-section zero; `percent` is null when the section is N/A
 * (possible 0); `passed` is null when the section has no passMark or is N/A. */
export interface SectionScore {
  key: string;
  earned: number;
  possible: number;
  percent: number | null;
  passed: boolean | null;
}

export interface AutoFail {
  question: string;
  reason: string;
}

/** Exact values (percent on a 0–100 scale); round only for display. */
export interface VisitScore {
  overall: { earned: number; possible: number; percent: number | null };
  result: 'pass' | 'fail';
  autoFail: AutoFail[];
  sections: SectionScore[];
  questions: QuestionScore[];
}

/** Points an answer earns. Scales (rating, nps, csat, ces) are linear: the lowest value earns 0, the highest
 * all points; text, photo and datetime earn their points when answered. A multi never earns below 0. */
function earnedPoints(question: Question, value: AnswerValue): number {
  switch (question.type) {
    case 'yesno':
      return value === true ? (question.points ?? 0) : 0;
    case 'choice':
      return question.options.find((o) => o.key === value)?.points ?? 0;
    case 'multi': {
      const chosen = new Set(Array.isArray(value) ? value : []);
      return Math.max(0, question.options.reduce((sum, o) => sum + (chosen.has(o.key) ? o.points : 0), 0));
    }
    case 'number':
      return question.bands.find((b) => b.max === undefined || b.max >= Number(value))?.points ?? 0;
    case 'text':
    case 'photo':
    case 'datetime':
      return question.points ?? 0;
    default: {
      const [lowest, highest] = scaleRange(question) ?? [0, 1];
      return ((question.points ?? 0) * (Number(value) - lowest)) / (highest - lowest);
    }
  }
}

function scoreQuestion(question: Question, answer: AnswerValue | typeof NA | undefined): QuestionScore {
  if (answer === NA) return { key: question.key, earned: 0, possible: 0, na: true };
  const possible = question.bonus ? 0 : possiblePoints(question);
  const earned = answer === undefined ? 0 : earnedPoints(question, answer);
  return { key: question.key, earned, possible, na: false };
}

function scoreSection(section: Section, scores: QuestionScore[]): SectionScore {
  const possible = scores.reduce((sum, q) => sum + q.possible, 0);
  const raw = scores.reduce((sum, q) => sum + q.earned, 0);
  const criticalZero = section.questions.some((q, i) => q.critical === 'section' && !scores[i]?.na && scores[i]?.earned === 0);
  const earned = criticalZero ? 0 : Math.min(raw, possible);
  const percent = possible > 0 ? (earned * 100) / possible : null;
  const passed = section.passMark === undefined || percent === null ? null : percent >= section.passMark;
  return { key: section.key, earned, possible, percent, passed };
}

/** Overall % = mean of section % weighted by section weight (default: the section's possible points). */
function overallPercent(template: Template, sections: SectionScore[]): number | null {
  let weighted = 0;
  let weights = 0;
  template.sections.forEach((section, i) => {
    const score = sections[i];
    if (!score || score.percent === null) return;
    // Without a weight, possible × percent is earned × 100: summing that keeps pooled points exact.
    weighted += section.weight === undefined ? score.earned * 100 : section.weight * score.percent;
    weights += section.weight ?? score.possible;
  });
  return weights > 0 ? weighted / weights : null;
}

/** Scores answers (as returned by parseAnswers for this template) — a pure function of template + answers. */
export function scoreVisit(template: Template, answers: Answers): VisitScore {
  const questions: QuestionScore[] = [];
  const autoFail: AutoFail[] = [];
  const sections = template.sections.map((section) => {
    const scores = section.questions.map((question) => {
      const score = scoreQuestion(question, answers[question.key]);
      if (question.critical === 'visit' && !score.na && score.earned === 0) {
        const reason = answers[question.key] === undefined ? 'not answered' : `earned 0 of ${score.possible} points`;
        autoFail.push({ question: question.key, reason });
      }
      return score;
    });
    questions.push(...scores);
    return scoreSection(section, scores);
  });
  const earned = sections.reduce((sum, s) => sum + s.earned, 0);
  const possible = sections.reduce((sum, s) => sum + s.possible, 0);
  const percent = overallPercent(template, sections);
  const pass =
    autoFail.length === 0 &&
    sections.every((s) => s.passed !== false) &&
    (template.passMark === undefined || (percent !== null && percent >= template.passMark));
  return { overall: { earned, possible, percent }, result: pass ? 'pass' : 'fail', autoFail, sections, questions };
}

/** Keys of required questions without an answer ("na" counts as an answer); a visit with any cannot be submitted. */
export function missingRequired(template: Template, answers: Answers): string[] {
  return template.sections.flatMap((s) => s.questions.filter((q) => q.required && answers[q.key] === undefined).map((q) => q.key));
}
