import { NA, type Answers } from '../../audits/answers-schema.ts';
import { missingRequired } from '../../audits/scoring.ts';
import type { Template } from '../../audits/template-schema.ts';
import type { ValidationIssue } from '../../audits/validation-issues.ts';
import type { Evidence } from '../store/visit-evidence.ts';

const photoKeys = (template: Template) =>
  new Set(template.sections.flatMap((s) => s.questions.filter((q) => q.type === 'photo').map((q) => q.key)));

/** A photo answer is the id of evidence uploaded to this visit for that question. */
export function photoAnswerIssues(template: Template, answers: Answers, evidence: Evidence[]): ValidationIssue[] {
  const photos = photoKeys(template);
  return Object.entries(answers)
    .filter(([key, value]) => photos.has(key) && value !== NA)
    .filter(([key, value]) => !evidence.some((e) => String(e.id) === value && e.question === key))
    .map(([key, value]) => ({ path: `answers.${key}`, message: `no evidence ${String(value)} uploaded for question "${key}"` }));
}

export interface MissingItem {
  question: string;
  reason: 'unanswered' | 'evidence missing';
}

/** What blocks a submission: required questions without an answer; required photos without uploaded evidence. */
export function missingForSubmission(template: Template, answers: Answers): MissingItem[] {
  const photos = photoKeys(template);
  return missingRequired(template, answers).map((question) => ({
    question,
    reason: photos.has(question) ? 'evidence missing' : 'unanswered',
  }));
}
