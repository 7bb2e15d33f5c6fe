import { z } from '@hono/zod-openapi';
import { Day, VisitState as State } from '../../schemas/visit.ts';
import type { Principal } from '../../store/users.ts';
import type { Visit as StoredVisit } from '../../store/visits.ts';
import { nextStates } from '../../visits/visit-transitions.ts';
import { PageQuery } from '../paging.ts';
import { Timestamp } from '../schemas.ts';

const Score = z
  .object({
    overall: z.object({ earned: z.number(), possible: z.number(), percent: z.number().nullable() }),
    result: z.enum(['pass', 'fail']),
    autoFail: z.array(z.object({ question: z.string(), reason: z.string() })),
    sections: z.array(
      z.object({ key: z.string(), earned: z.number(), possible: z.number(), percent: z.number().nullable(), passed: z.boolean().nullable() }),
    ),
    questions: z.array(z.object({ key: z.string(), earned: z.number(), possible: z.number(), na: z.boolean() })),
  })
  .openapi('VisitScore', { description: 'Exact values, stored on submit, approval and amendment; never recomputed from a newer template' });

const visitFields = {
  id: z.number().int(),
  templateKey: z.string(),
  templateVersion: z.number().int(),
  touchpoint: z.string(),
  businessId: z.number().int(),
  businessName: z.string(),
  own: z.boolean(),
  location: z.string().nullable(),
  auditorId: z.number().int(),
  auditor: z.string(),
  scenario: z.string().nullable(),
  dueDate: z.string().nullable(),
  state: State,
  visitedAt: z.string().nullable(),
  percent: z.number().nullable(),
  result: z.enum(['pass', 'fail']).nullable(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  submittedAt: Timestamp.nullable(),
  publishedAt: Timestamp.nullable(),
};

export const VisitSummary = z.object(visitFields).openapi('VisitSummary');
export const Visit = z
  .object({
    ...visitFields,
    answers: z.record(z.string(), z.unknown()),
    score: Score.nullable(),
    allowedTransitions: z.array(State).openapi({ description: 'The states the caller may move the visit to now' }),
  })
  .openapi('Visit');

export const TransitionRecord = z
  .object({ id: z.number().int(), from: State.nullable(), to: State, by: z.string().nullable(), note: z.string().nullable(), at: Timestamp })
  .openapi('VisitTransition');

export const VisitQuery = PageQuery.extend({
  state: State.optional(),
  businessId: z.coerce.number().int().positive().optional(),
  templateKey: z.string().max(64).optional(),
  touchpoint: z.string().max(40).optional(),
  from: Day.optional().openapi({ description: 'Visited on or after (YYYY-MM-DD)' }),
  to: Day.optional().openapi({ description: 'Visited on or before (YYYY-MM-DD)' }),
});

export function toSummary(v: StoredVisit) {
  return {
    id: v.id,
    templateKey: v.templateKey,
    templateVersion: v.templateVersion,
    touchpoint: v.touchpoint,
    businessId: v.businessId,
    businessName: v.businessName,
    own: v.own,
    location: v.location,
    auditorId: v.auditorId,
    auditor: v.auditor,
    scenario: v.scenario,
    dueDate: v.dueDate,
    state: v.state,
    visitedAt: v.visitedAt,
    percent: v.score?.overall.percent ?? null,
    result: v.score?.result ?? null,
    createdAt: v.createdAt,
    updatedAt: v.updatedAt,
    submittedAt: v.submittedAt,
    publishedAt: v.publishedAt,
  };
}

export const toVisitBody = (v: StoredVisit, principal: Principal) => ({
  ...toSummary(v),
  answers: v.answers,
  score: v.score,
  allowedTransitions: nextStates(v, principal),
});
