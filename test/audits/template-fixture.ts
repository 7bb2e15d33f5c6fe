import { parseTemplate, type Template, type TemplateInput } from '../../audits/template-schema.ts';

/** The template from issue 6, with the elided multi options filled in. */
export const issueExample = {
  key: 'store-visit',
  title: 'Store visit',
  touchpoint: 'store',
  passMark: 80,
  sections: [
    {
      key: 'greeting',
      title: 'Greeting',
      weight: 2,
      passMark: 60,
      questions: [
        { key: 'greeted', text: 'Greeted within 30 s?', type: 'yesno', points: 5, allowNa: false, required: true, critical: 'section' },
        {
          key: 'loyalty',
          text: 'Loyalty programme offered?',
          type: 'choice',
          options: [
            { key: 'unprompted', label: 'Yes, unprompted', points: 4 },
            { key: 'asked', label: 'Only when asked', points: 2 },
            { key: 'no', label: 'No', points: 0 },
          ],
          allowNa: true,
        },
        { key: 'wait', text: 'Minutes waited at the till', type: 'number', bands: [{ max: 2, points: 5 }, { max: 5, points: 2 }, { points: 0 }] },
        {
          key: 'extras',
          type: 'multi',
          options: [
            { key: 'bag', label: 'Bag offered', points: 1 },
            { key: 'card', label: 'Loyalty card offered', points: 2 },
            { key: 'pushy', label: 'Pushed an unwanted extra', points: -2 },
          ],
        },
        { key: 'smile', type: 'yesno', points: 2, bonus: true },
        { key: 'recommend', type: 'nps' },
        { key: 'notes', type: 'text' },
        { key: 'receipt', type: 'photo', required: true },
      ],
    },
  ],
} satisfies TemplateInput;

export function template(input: TemplateInput): Template {
  const parsed = parseTemplate(input);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return parsed.value;
}

/** A one-section template of yes/no questions worth the given points, keyed q0, q1, … */
export function yesnoSection(key: string, points: number[], extra: Partial<TemplateInput['sections'][number]> = {}) {
  return {
    key,
    title: key,
    questions: points.map((p, i) => ({ key: `${key}${i}`, type: 'yesno' as const, points: p })),
    ...extra,
  };
}
