import type { Selectable } from 'kysely';
import type { Answers } from '../../../audits/answers-schema.ts';
import type { VisitScore } from '../../../audits/scoring.ts';
import type { VisitState } from '../../../audits/workflow.ts';
import { notFound } from '../../errors.ts';
import { toPage } from '../paging.ts';
import type { TransitionRecord, Visit, VisitQuery, VisitStore } from '../visits.ts';
import type { Queries } from './open-sqlite.ts';
import type { VisitsTable } from './schema.ts';
import { bool, nowIso } from './sqlite-values.ts';
import { sqliteVisitEvidence } from './visit-evidence.ts';

type Row = Selectable<VisitsTable> & {
  template_key: string;
  template_version: number;
  touchpoint: string;
  business_name: string;
  own: number;
  auditor: string;
};

const parsed = <T>(json: string | null): T | null => (json === null ? null : (JSON.parse(json) as T));
const json = (value: unknown) => (value === undefined ? null : JSON.stringify(value));

const toVisit = (r: Row): Visit => ({
  id: r.id,
  templateVersionId: r.template_version_id,
  templateKey: r.template_key,
  templateVersion: r.template_version,
  touchpoint: r.touchpoint,
  businessId: r.business_id,
  businessName: r.business_name,
  own: bool(r.own),
  location: r.location,
  auditorId: r.auditor_id,
  auditor: r.auditor,
  scenario: r.scenario,
  dueDate: r.due_date,
  state: r.state as VisitState,
  answers: JSON.parse(r.answers) as Answers,
  visitedAt: r.visited_at,
  score: parsed<VisitScore>(r.score),
  scoredAnswers: parsed<Answers>(r.scored_answers),
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  submittedAt: r.submitted_at,
  publishedAt: r.published_at,
});

export function sqliteVisits(db: Queries): VisitStore {
  const visits = () =>
    db
      .selectFrom('visits as v')
      .innerJoin('template_versions as tv', 'tv.id', 'v.template_version_id')
      .innerJoin('templates as t', 't.id', 'tv.template_id')
      .innerJoin('businesses as b', 'b.id', 'v.business_id')
      .innerJoin('users as u', 'u.id', 'v.auditor_id')
      .selectAll('v')
      .select(['t.key as template_key', 'tv.version as template_version', 'tv.touchpoint', 'b.name as business_name', 'b.own', 'u.name as auditor']);

  const matching = (query: VisitQuery, after: number) => {
    let q = visits().where('v.id', '>', after);
    if (query.states) q = q.where('v.state', 'in', query.states);
    if (query.auditorId !== undefined) q = q.where('v.auditor_id', '=', query.auditorId);
    if (query.businessId !== undefined) q = q.where('v.business_id', '=', query.businessId);
    if (query.templateKey !== undefined) q = q.where('t.key', '=', query.templateKey);
    if (query.touchpoint !== undefined) q = q.where('tv.touchpoint', '=', query.touchpoint);
    const { from, to } = query;
    if (from !== undefined) q = q.where((eb) => eb(eb.fn<string>('substr', ['v.visited_at', eb.lit(1), eb.lit(10)]), '>=', from));
    if (to !== undefined) q = q.where((eb) => eb(eb.fn<string>('substr', ['v.visited_at', eb.lit(1), eb.lit(10)]), '<=', to));
    return q.orderBy('v.id');
  };

  const get = async (id: number): Promise<Visit> => {
    const row = await visits().where('v.id', '=', id).executeTakeFirst();
    if (!row) throw notFound('visit', id);
    return toVisit(row);
  };

  return {
    evidence: sqliteVisitEvidence(db),
    get,
    async create(input, createdBy) {
      const now = nowIso();
      const { id } = await db
        .insertInto('visits')
        .values({
          template_version_id: input.templateVersionId,
          business_id: input.businessId,
          location: input.location,
          auditor_id: input.auditorId,
          scenario: input.scenario,
          due_date: input.dueDate,
          state: 'assigned',
          created_by: createdBy,
          created_at: now,
          updated_at: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return get(id);
    },
    async list(filter) {
      if (filter.states?.length === 0) return { items: [], nextAfter: null };
      const rows = await matching(filter, filter.after ?? 0).limit(filter.limit + 1).execute();
      return toPage(rows.map(toVisit), filter.limit);
    },
    async all(query) {
      if (query.states?.length === 0) return [];
      return (await matching(query, 0).execute()).map(toVisit);
    },
    async reassign(id, fields) {
      const { numUpdatedRows } = await db
        .updateTable('visits')
        .set({ auditor_id: fields.auditorId, location: fields.location, scenario: fields.scenario, due_date: fields.dueDate, updated_at: nowIso() })
        .where('id', '=', id)
        .executeTakeFirst();
      if (numUpdatedRows === 0n) throw notFound('visit', id);
      return get(id);
    },
    async saveAnswers(id, state, answers, visitedAt) {
      const { numUpdatedRows } = await db
        .updateTable('visits')
        .set((eb) => ({
          answers: JSON.stringify(answers),
          visited_at: visitedAt ?? eb.ref('visited_at'),
          updated_at: nowIso(),
        }))
        .where('id', '=', id)
        .where('state', '=', state)
        .executeTakeFirst();
      return numUpdatedRows > 0n;
    },
    async changeState(id, from, to, change) {
      const now = nowIso();
      const { numUpdatedRows } = await db
        .updateTable('visits')
        .set((eb) => ({
          state: to,
          answers: json(change.answers) ?? eb.ref('answers'),
          score: json(change.score) ?? eb.ref('score'),
          scored_answers: json(change.scoredAnswers) ?? eb.ref('scored_answers'),
          visited_at: eb.fn.coalesce('visited_at', eb.val(change.visitedAt ?? null)),
          submitted_at: to === 'submitted' ? now : eb.ref('submitted_at'),
          published_at: to === 'published' ? now : eb.ref('published_at'),
          updated_at: now,
        }))
        .where('id', '=', id)
        .where('state', '=', from)
        .executeTakeFirst();
      return numUpdatedRows > 0n;
    },
    async addTransition(id, entry) {
      await db
        .insertInto('visit_transitions')
        .values({ visit_id: id, from_state: entry.from, to_state: entry.to, user_id: entry.userId, note: entry.note, at: nowIso() })
        .execute();
    },
    transitions: (id) =>
      db
        .selectFrom('visit_transitions as vt')
        .leftJoin('users as u', 'u.id', 'vt.user_id')
        .select(['vt.id', 'vt.from_state as from', 'vt.to_state as to', 'u.name as by', 'vt.note', 'vt.at'])
        .where('vt.visit_id', '=', id)
        .orderBy('vt.id')
        .$narrowType<Pick<TransitionRecord, 'from' | 'to'>>()
        .execute(),
    async auditorId(name) {
      const row = await db.selectFrom('users').select('id').where('name', '=', name).where('role', '=', 'auditor').executeTakeFirst();
      return row?.id ?? null;
    },
  };
}
