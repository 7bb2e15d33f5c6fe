import { z } from '@hono/zod-openapi';
import { TOUCHPOINTS, type Template } from '../../../audits/template-schema.ts';
import { REPORTED_STATES } from '../../../audits/workflow.ts';
import { touchpointReport, type ReportVisit } from '../../visits/touchpoint-report.ts';
import type { AppDeps } from '../app-env.ts';
import { newRouter } from '../new-router.ts';
import { apiRoute, json } from '../route.ts';

const Percent = z.number().nullable();
const summary = { visits: z.number().int(), averageScore: Percent, passRate: Percent, autoFails: z.number().int() };
const LeagueRow = z.object({
  rank: z.number().int(),
  businessId: z.number().int(),
  name: z.string(),
  own: z.boolean(),
  location: z.string().nullable().optional(),
  ...summary,
});

const BusinessReport = z
  .object({
    businessId: z.number().int(),
    name: z.string(),
    own: z.boolean(),
    ...summary,
    vsOwn: z.number().nullable().openapi({ description: 'Average score minus the own business’s, in points' }),
    autoFailQuestions: z.array(z.object({ question: z.string(), visits: z.number().int() })),
    sections: z.array(z.object({ key: z.string(), title: z.string(), visits: z.number().int(), averagePercent: Percent })),
    trend: z.array(z.object({ month: z.string(), ...summary })),
    missedQuestions: z.array(
      z.object({ question: z.string(), text: z.string(), asked: z.number().int(), missed: z.number().int(), missRate: z.number() }),
    ),
    nps: z.object({ responses: z.number().int(), promoters: z.number().int(), passives: z.number().int(), detractors: z.number().int(), score: Percent }),
    csat: z.object({ responses: z.number().int(), satisfied: z.number().int(), score: Percent }),
    ces: z.object({ responses: z.number().int(), mean: z.number().nullable() }),
  })
  .openapi('BusinessTouchpointReport');

const TouchpointReport = z
  .object({
    from: z.string().nullable(),
    to: z.string().nullable(),
    touchpoint: z.string().nullable(),
    templateKey: z.string().nullable(),
    ...summary,
    own: BusinessReport.nullable(),
    competitors: z.array(BusinessReport),
    league: z.object({ businesses: z.array(LeagueRow), locations: z.array(LeagueRow) }),
  })
  .openapi('TouchpointReport');

const Day = z.iso.date();

/** `/api/reports`: own versus competitors from published visits, read from their stored scores. */
export function reportsRoutes({ store }: AppDeps) {
  return newRouter().openapi(
    apiRoute({
      method: 'get',
      path: '/touchpoints',
      tags: ['reports'],
      summary: 'Own vs each competitor for a period and touchpoint: scores, pass rates, sections, trend, league, NPS/CSAT/CES',
      description: 'Only published visits count (also while disputed and after the dispute). Percentages are exact, on a 0–100 scale.',
      permission: 'reports.read',
      request: {
        query: z.object({
          from: Day.optional().openapi({ description: 'Visited on or after (YYYY-MM-DD)' }),
          to: Day.optional().openapi({ description: 'Visited on or before (YYYY-MM-DD)' }),
          touchpoint: z.enum(TOUCHPOINTS).optional(),
          templateKey: z.string().max(64).optional(),
        }),
      },
      responses: { 200: json(TouchpointReport, 'The report') },
    }),
    async (c) => {
      const query = c.req.valid('query');
      const visits = await store.visits.all({ ...query, states: REPORTED_STATES });
      const scored = visits.filter((v) => v.score !== null && v.visitedAt !== null);
      const documents = new Map<number, Template>();
      for (const id of new Set(scored.map((v) => v.templateVersionId)))
        documents.set(id, (await store.templates.versionById(id)).template);
      const reported: ReportVisit[] = scored.map((v) => ({
        businessId: v.businessId,
        businessName: v.businessName,
        own: v.own,
        location: v.location,
        visitedAt: v.visitedAt!,
        template: documents.get(v.templateVersionId)!,
        answers: v.scoredAnswers ?? v.answers,
        score: v.score!,
      }));
      const { from = null, to = null, touchpoint = null, templateKey = null } = query;
      return c.json({ from, to, touchpoint, templateKey, ...touchpointReport(reported) }, 200);
    },
  );
}
