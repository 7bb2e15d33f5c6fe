import { NA, type Answers } from '../../audits/answers-schema.ts';
import type { Template } from '../../audits/template-schema.ts';

export interface ExperienceMetrics {
  /** Net Promoter Score: % of promoters (9–10) minus % of detractors (0–6); null without responses. */
  nps: { responses: number; promoters: number; passives: number; detractors: number; score: number | null };
  /** Customer satisfaction: % of 4–5 answers on the 1–5 scale. */
  csat: { responses: number; satisfied: number; score: number | null };
  /** Customer effort: mean of the 1–7 answers (7: they made it easy). */
  ces: { responses: number; mean: number | null };
}

export interface AnsweredVisit {
  template: Template;
  answers: Answers;
}

const percentOf = (part: number, whole: number) => (whole > 0 ? (part * 100) / whole : null);

/** NPS, CSAT and CES from every nps/csat/ces question answered in the visits (N/A answers do not count). */
export function experienceMetrics(visits: AnsweredVisit[]): ExperienceMetrics {
  const values = { nps: [] as number[], csat: [] as number[], ces: [] as number[] };
  for (const { template, answers } of visits)
    for (const question of template.sections.flatMap((s) => s.questions)) {
      const answer = answers[question.key];
      if (answer === undefined || answer === NA || typeof answer !== 'number') continue;
      if (question.type === 'nps' || question.type === 'csat' || question.type === 'ces') values[question.type].push(answer);
    }
  const promoters = values.nps.filter((v) => v >= 9).length;
  const detractors = values.nps.filter((v) => v <= 6).length;
  const satisfied = values.csat.filter((v) => v >= 4).length;
  const npsScore = percentOf(promoters - detractors, values.nps.length);
  return {
    nps: { responses: values.nps.length, promoters, passives: values.nps.length - promoters - detractors, detractors, score: npsScore },
    csat: { responses: values.csat.length, satisfied, score: percentOf(satisfied, values.csat.length) },
    ces: { responses: values.ces.length, mean: values.ces.length ? values.ces.reduce((a, b) => a + b, 0) / values.ces.length : null },
  };
}
