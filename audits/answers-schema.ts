import { z } from 'zod';
import { scaleRange } from './question-points.ts';
import type { Question, Template } from './template-schema.ts';
import { formatPath, issuesOf, parseContext, type ParseResult, type ValidationIssue } from './validation-issues.ts';

/** The answer marking a question not applicable; accepted only where the question has `allowNa`. */
export const NA = 'na';

/** yesno: boolean; choice: option key; multi: option keys; number and scales: number; text: string;
 * photo: evidence id; datetime: ISO 8601 string. */
export type AnswerValue = boolean | number | string | string[];
export type Answers = Record<string, AnswerValue | typeof NA>;

const answersDocument = z.looseObject({ answers: z.record(z.string(), z.unknown()) });

function valueSchema(question: Question): z.ZodType<AnswerValue> {
  switch (question.type) {
    case 'yesno':
      return z.boolean();
    case 'choice':
      return z.enum(question.options.map((o) => o.key) as [string, ...string[]]);
    case 'multi':
      return z
        .array(z.enum(question.options.map((o) => o.key) as [string, ...string[]]))
        .refine((keys) => new Set(keys).size === keys.length, 'an option is chosen twice');
    case 'number':
      return z.number().finite();
    case 'text':
      return z.string().trim().min(1, 'empty text; leave the question out instead').max(10_000);
    case 'photo':
      return z.string().trim().min(1, 'an evidence id is required').max(200);
    case 'datetime':
      return z.iso.datetime({ offset: true, local: true });
    default: {
      const [min, max] = scaleRange(question) ?? [0, 0];
      return z.number().int().min(min).max(max);
    }
  }
}

/** Validates `{ "answers": { "<questionKey>": value | "na" } }` against a template; issues name each bad path. */
export function parseAnswers(template: Template, input: unknown): ParseResult<Answers> {
  const doc = answersDocument.safeParse(input, parseContext);
  if (!doc.success) return { ok: false, issues: issuesOf(doc.error) };
  const issues: ValidationIssue[] = Object.keys(doc.data)
    .filter((key) => key !== 'answers')
    .map((key) => ({ path: formatPath([key]), message: 'unknown field' }));
  const questions = new Map(template.sections.flatMap((s) => s.questions.map((q) => [q.key, q] as const)));
  const answers: Answers = {};
  for (const [key, value] of Object.entries(doc.data.answers)) {
    const path = formatPath(['answers', key]);
    const question = questions.get(key);
    if (!question) {
      issues.push({ path, message: 'unknown question' });
    } else if (value === NA) {
      if (question.allowNa) answers[key] = NA;
      else issues.push({ path, message: 'N/A is not allowed for this question' });
    } else {
      const parsed = valueSchema(question).safeParse(value);
      if (parsed.success) answers[key] = parsed.data;
      else issues.push(...issuesOf(parsed.error, ['answers', key]));
    }
  }
  return issues.length ? { ok: false, issues } : { ok: true, value: answers };
}
