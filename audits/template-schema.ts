import { z } from 'zod';
import { checkTemplateRules } from './template-rules.ts';
import { issuesOf, parseContext, type ParseResult } from './validation-issues.ts';

export const TOUCHPOINTS = ['store', 'phone', 'website', 'chat', 'email', 'checkout', 'returns', 'delivery', 'social', 'other'] as const;
export type Touchpoint = (typeof TOUCHPOINTS)[number];

export const QUESTION_TYPES = ['yesno', 'choice', 'multi', 'number', 'rating', 'nps', 'csat', 'ces', 'text', 'photo', 'datetime'] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

const key = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/, 'key: letters, digits, "-" or "_", at most 64 characters');
const percent = z.number().min(0).max(100);
const points = z.number().finite().min(0);

const base = {
  key,
  /** The question as the auditor reads it. */
  text: z.string().trim().min(1).max(500).optional(),
  /** Guidance for the auditor: what counts as yes, how to measure. */
  help: z.string().max(2000).optional(),
  allowNa: z.boolean().default(false),
  required: z.boolean().default(false),
  /** "section": earning 0 sets its section to 0 %. "visit": earning 0 fails the visit. */
  critical: z.enum(['section', 'visit']).optional(),
  /** Earned points add to the section's earned points; possible points stay unchanged. */
  bonus: z.boolean().default(false),
};

/** `points` on choice options may not be negative; multi options may (a penalty for a wrong extra). */
const option = z.strictObject({ key, label: z.string().trim().min(1).max(200), points: z.number().finite().default(0) });
const band = z.strictObject({ max: z.number().finite().optional(), points });

const question = z.discriminatedUnion('type', [
  z.strictObject({ ...base, type: z.literal('yesno'), points: points.optional() }),
  z.strictObject({ ...base, type: z.literal('choice'), options: z.array(option).min(2, 'a choice needs at least 2 options') }),
  z.strictObject({ ...base, type: z.literal('multi'), options: z.array(option).min(1, 'a multi needs at least 1 option') }),
  z.strictObject({ ...base, type: z.literal('number'), unit: z.string().max(40).optional(), bands: z.array(band).min(1, 'a number needs score bands') }),
  z.strictObject({ ...base, type: z.literal('rating'), scale: z.number().int().min(2).max(10), points: points.optional() }),
  z.strictObject({ ...base, type: z.enum(['nps', 'csat', 'ces', 'text', 'photo', 'datetime']), points: points.optional() }),
]);

const section = z.strictObject({
  key,
  title: z.string().trim().min(1).max(200),
  /** Relative weight in the overall score; without it the section weighs its possible points. */
  weight: z.number().finite().positive().optional(),
  passMark: percent.optional(),
  questions: z.array(question).min(1, 'a section needs at least 1 question'),
});

export const templateSchema = z
  .strictObject({
    key,
    title: z.string().trim().min(1).max(200),
    touchpoint: z.enum(TOUCHPOINTS),
    description: z.string().max(5000).optional(),
    passMark: percent.optional(),
    sections: z.array(section).min(1, 'a template needs at least 1 section'),
  })
  .superRefine((template, ctx) => {
    for (const { path, message } of checkTemplateRules(template)) ctx.addIssue({ code: 'custom', path, message });
  });

export type Template = z.output<typeof templateSchema>;
export type TemplateInput = z.input<typeof templateSchema>;
export type Section = Template['sections'][number];
export type Question = Section['questions'][number];
export type ChoiceOption = z.output<typeof option>;
export type ScoreBand = z.output<typeof band>;

/** Validates a template document; issues name each bad path. */
export function parseTemplate(input: unknown): ParseResult<Template> {
  const parsed = templateSchema.safeParse(input, parseContext);
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, issues: issuesOf(parsed.error) };
}
