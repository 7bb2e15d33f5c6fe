import { z } from '@hono/zod-openapi';
import { visibilityFilter, visibleVisit } from '../../visits/visit-access.ts';
import { visitAssignment } from '../../visits/visit-assignment.ts';
import { visitEditing } from '../../visits/visit-editing.ts';
import { visitTransitions } from '../../visits/visit-transitions.ts';
import { visitsCsv } from '../../visits/visits-csv.ts';
import type { AppDeps } from '../app-env.ts';
import { newRouter } from '../new-router.ts';
import { apiRoute, json, jsonBody } from '../route.ts';
import { pageBody, pageOf, pageRequest } from '../paging.ts';
import { ErrorSchema, IdParam } from '../schemas.ts';
import { AnswersInput, TransitionInput, VisitInput, VisitPatch } from '../../schemas/visit.ts';
import { toSummary, toVisitBody, TransitionRecord, Visit, VisitQuery, VisitSummary } from './visit-schemas.ts';

const tags = ['visits'];
const missing = { 404: json(ErrorSchema, 'No such visit, or not one the caller may see') };

/** `/api/visits`: scorecards being filled, reviewed and published. Auditors see only their own visits, viewers
 * only published ones; a visit the caller may not see is 404. */
export function visitsRoutes({ store }: AppDeps) {
  const assignment = visitAssignment(store);
  const editing = visitEditing(store);
  const workflow = visitTransitions(store);
  return newRouter()
    .openapi(
      apiRoute({
        method: 'get',
        path: '/export',
        tags,
        summary: 'Export the visits the caller may see as CSV (spreadsheet-safe) or JSON',
        permission: 'visits.read',
        request: { query: VisitQuery.omit({ cursor: true, limit: true }).extend({ format: z.enum(['csv', 'json']).default('csv') }) },
        responses: {
          200: {
            content: { 'text/csv': { schema: z.string() }, 'application/json': { schema: z.array(Visit) } },
            description: 'The visits, oldest first',
          },
        },
      }),
      async (c) => {
        const { format, state, ...filter } = c.req.valid('query');
        const principal = c.get('principal');
        const found = await store.visits.all({ ...filter, ...visibilityFilter(principal, state) });
        const disposition = `attachment; filename="visits.${format}"`;
        if (format === 'json') return c.json(found.map((v) => toVisitBody(v, principal)), 200, { 'content-disposition': disposition });
        return c.body(visitsCsv(found), 200, { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': disposition });
      },
    )
    .openapi(
      apiRoute({
        method: 'get',
        path: '/',
        tags,
        summary: 'List visits: auditors get their own, viewers the published ones',
        permission: 'visits.read',
        request: { query: VisitQuery },
        responses: { 200: json(pageOf(VisitSummary), 'A page of visits') },
      }),
      async (c) => {
        const { state, ...filter } = c.req.valid('query');
        const page = await store.visits.list({ ...pageRequest(filter), ...visibilityFilter(c.get('principal'), state) });
        return c.json(pageBody({ ...page, items: page.items.map(toSummary) }), 200);
      },
    )
    .openapi(
      apiRoute({
        method: 'post',
        path: '/',
        tags,
        summary: 'Assign a visit: a template (version), a business and location, an auditor, a scenario and due date',
        permission: 'visits.assign',
        request: { body: jsonBody(VisitInput) },
        responses: { 201: json(Visit, 'The assigned visit'), 422: json(ErrorSchema, 'Unknown or archived template, business or auditor') },
      }),
      async (c) => c.json(toVisitBody(await assignment.assign(c.get('principal'), c.req.valid('json')), c.get('principal')), 201),
    )
    .openapi(
      apiRoute({
        method: 'get',
        path: '/{id}',
        tags,
        summary: 'Get a visit with its answers, stored score and the transitions the caller may make',
        permission: 'visits.read',
        request: { params: IdParam },
        responses: { 200: json(Visit, 'The visit'), ...missing },
      }),
      async (c) => c.json(toVisitBody(await visibleVisit(store, c.get('principal'), c.req.valid('param').id), c.get('principal')), 200),
    )
    .openapi(
      apiRoute({
        method: 'patch',
        path: '/{id}',
        tags,
        summary: 'Reassign a visit (auditor, location, scenario, due date) until it is submitted',
        permission: 'visits.assign',
        request: { params: IdParam, body: jsonBody(VisitPatch) },
        responses: { 200: json(Visit, 'The visit'), 409: json(ErrorSchema, 'Already submitted'), ...missing },
      }),
      async (c) => c.json(toVisitBody(await assignment.reassign(c.req.valid('param').id, c.req.valid('json')), c.get('principal')), 200),
    )
    .openapi(
      apiRoute({
        method: 'put',
        path: '/{id}/answers',
        tags,
        summary: "Save the answers so far (the auditor's own visit while draft or returned; reviewers during review or dispute)",
        permission: 'visits.work',
        request: { params: IdParam, body: jsonBody(AnswersInput) },
        responses: { 200: json(Visit, 'The visit'), 409: json(ErrorSchema, 'Not editable in this state'), ...missing },
      }),
      async (c) => {
        const visit = await editing.saveAnswers(c.get('principal'), c.req.valid('param').id, c.req.valid('json'));
        return c.json(toVisitBody(visit, c.get('principal')), 200);
      },
    )
    .openapi(
      apiRoute({
        method: 'post',
        path: '/{id}/transitions',
        tags,
        summary: 'Move a visit through the workflow (submit, review, return, approve, publish, dispute …)',
        permission: 'visits.work',
        request: { params: IdParam, body: jsonBody(TransitionInput) },
        responses: {
          200: json(Visit, 'The visit in its new state'),
          409: json(ErrorSchema, 'Not a transition from the current state; details.allowed names the allowed ones'),
          422: json(ErrorSchema, 'A note is needed, or required answers or evidence are missing (details.missing)'),
          ...missing,
        },
      }),
      async (c) => {
        const { to, note } = c.req.valid('json');
        const visit = await workflow.apply(c.get('principal'), c.req.valid('param').id, to, note || null);
        return c.json(toVisitBody(visit, c.get('principal')), 200);
      },
    )
    .openapi(
      apiRoute({
        method: 'get',
        path: '/{id}/transitions',
        tags,
        summary: "A visit's audit trail: every state change with who, when and the note",
        permission: 'visits.read',
        request: { params: IdParam },
        responses: { 200: json(z.object({ items: z.array(TransitionRecord) }), 'The trail, oldest first'), ...missing },
      }),
      async (c) => {
        const { id } = c.req.valid('param');
        await visibleVisit(store, c.get('principal'), id);
        return c.json({ items: await store.visits.transitions(id) }, 200);
      },
    );
}
