import type { Answers } from '../../audits/answers-schema.ts';
import type { VisitScore } from '../../audits/scoring.ts';
import type { VisitState } from '../../audits/workflow.ts';
import { notFound } from '../errors.ts';
import type { Db } from './open-db.ts';
import { nowIso } from './open-db.ts';
import { toPage, type Page } from './paging.ts';

export interface Visit {
  id: number;
  templateVersionId: number;
  templateKey: string;
  templateVersion: number;
  touchpoint: string;
  businessId: number;
  businessName: string;
  own: boolean;
  location: string | null;
  auditorId: number;
  auditor: string;
  scenario: string | null;
  dueDate: string | null;
  state: VisitState;
  answers: Answers;
  visitedAt: string | null;
  score: VisitScore | null;
  scoredAnswers: Answers | null;
  createdAt: string;
  updatedAt: string;
  submittedAt: string | null;
  publishedAt: string | null;
}

export interface VisitInput {
  templateVersionId: number;
  businessId: number;
  location: string | null;
  auditorId: number;
  scenario: string | null;
  dueDate: string | null;
}

export interface VisitFilter {
  states?: readonly VisitState[];
  auditorId?: number;
  businessId?: number;
  templateKey?: string;
  touchpoint?: string;
  /** Inclusive dates (YYYY-MM-DD) on visitedAt. */
  from?: string;
  to?: string;
  after?: number;
  limit: number;
}

export interface TransitionRecord {
  id: number;
  from: VisitState | null;
  to: VisitState;
  by: string | null;
  note: string | null;
  at: string;
}

/** What a state change writes besides the state; undefined fields stay as they are. */
export interface StateChange {
  answers?: Answers;
  score?: VisitScore;
  scoredAnswers?: Answers;
  visitedAt?: string;
}

interface Row {
  id: number;
  template_version_id: number;
  template_key: string;
  template_version: number;
  touchpoint: string;
  business_id: number;
  business_name: string;
  own: number;
  location: string | null;
  auditor_id: number;
  auditor: string;
  scenario: string | null;
  due_date: string | null;
  state: VisitState;
  answers: string;
  visited_at: string | null;
  score: string | null;
  scored_answers: string | null;
  created_at: string;
  updated_at: string;
  submitted_at: string | null;
  published_at: string | null;
}

const parsed = <T>(json: string | null): T | null => (json === null ? null : (JSON.parse(json) as T));

const toVisit = (r: Row): Visit => ({
  id: r.id,
  templateVersionId: r.template_version_id,
  templateKey: r.template_key,
  templateVersion: r.template_version,
  touchpoint: r.touchpoint,
  businessId: r.business_id,
  businessName: r.business_name,
  own: r.own === 1,
  location: r.location,
  auditorId: r.auditor_id,
  auditor: r.auditor,
  scenario: r.scenario,
  dueDate: r.due_date,
  state: r.state,
  answers: JSON.parse(r.answers) as Answers,
  visitedAt: r.visited_at,
  score: parsed<VisitScore>(r.score),
  scoredAnswers: parsed<Answers>(r.scored_answers),
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  submittedAt: r.submitted_at,
  publishedAt: r.published_at,
});

const SELECT = `SELECT v.*, t.key AS template_key, tv.version AS template_version, tv.touchpoint,
  b.name AS business_name, b.own, u.name AS auditor
  FROM visits v JOIN template_versions tv ON tv.id = v.template_version_id JOIN templates t ON t.id = tv.template_id
  JOIN businesses b ON b.id = v.business_id JOIN users u ON u.id = v.auditor_id`;

export function visitsRepo(db: Db) {
  const insert = db.prepare(
    `INSERT INTO visits (template_version_id, business_id, location, auditor_id, scenario, due_date, state,
       created_by, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, 'assigned', ?, ?, ?)`,
  );
  const byId = db.prepare<[number], Row>(`${SELECT} WHERE v.id = ?`);
  const list = db.prepare<Record<string, string | number | null>, Row>(
    `${SELECT} WHERE v.id > :after AND (:states IS NULL OR v.state IN (SELECT value FROM json_each(:states)))
     AND (:auditor IS NULL OR v.auditor_id = :auditor) AND (:business IS NULL OR v.business_id = :business)
     AND (:template IS NULL OR t.key = :template) AND (:touchpoint IS NULL OR tv.touchpoint = :touchpoint)
     AND (:from IS NULL OR substr(v.visited_at, 1, 10) >= :from) AND (:to IS NULL OR substr(v.visited_at, 1, 10) <= :to)
     ORDER BY v.id LIMIT :limit`,
  );
  const saveAnswers = db.prepare(
    'UPDATE visits SET answers = ?, visited_at = coalesce(?, visited_at), updated_at = ? WHERE id = ? AND state = ?',
  );
  const setState = db.prepare(
    `UPDATE visits SET state = :to, answers = coalesce(:answers, answers), score = coalesce(:score, score),
       scored_answers = coalesce(:scoredAnswers, scored_answers), visited_at = coalesce(visited_at, :visitedAt),
       submitted_at = CASE WHEN :to = 'submitted' THEN :now ELSE submitted_at END,
       published_at = CASE WHEN :to = 'published' THEN :now ELSE published_at END, updated_at = :now
     WHERE id = :id AND state = :from`,
  );
  const insertTransition = db.prepare(
    'INSERT INTO visit_transitions (visit_id, from_state, to_state, user_id, note, at) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const transitions = db.prepare<[number], TransitionRecord>(
    `SELECT vt.id, vt.from_state AS "from", vt.to_state AS "to", u.name AS by, vt.note, vt.at FROM visit_transitions vt
     LEFT JOIN users u ON u.id = vt.user_id WHERE vt.visit_id = ? ORDER BY vt.id`,
  );

  const params = (filter: Omit<VisitFilter, 'after' | 'limit'>, after: number, limit: number) => ({
    after,
    states: filter.states ? JSON.stringify(filter.states) : null,
    auditor: filter.auditorId ?? null,
    business: filter.businessId ?? null,
    template: filter.templateKey ?? null,
    touchpoint: filter.touchpoint ?? null,
    from: filter.from ?? null,
    to: filter.to ?? null,
    limit,
  });

  const update = db.prepare(
    'UPDATE visits SET auditor_id = ?, location = ?, scenario = ?, due_date = ?, updated_at = ? WHERE id = ?',
  );
  const auditorByName = db.prepare<[string], number>("SELECT id FROM users WHERE name = ? AND role = 'auditor'").pluck();

  const get = (id: number): Visit => {
    const row = byId.get(id);
    if (!row) throw notFound('visit', id);
    return toVisit(row);
  };
  const json = (value: unknown) => (value === undefined ? null : JSON.stringify(value));

  return {
    get,
    /** A new visit in state `assigned`; the assignment opens the audit trail. */
    create(input: VisitInput, userId: number, note: string | null): Visit {
      const id = db.transaction(() => {
        const now = nowIso();
        const { templateVersionId, businessId, location, auditorId, scenario, dueDate } = input;
        const visitId = Number(
          insert.run(templateVersionId, businessId, location, auditorId, scenario, dueDate, userId, now, now).lastInsertRowid,
        );
        insertTransition.run(visitId, null, 'assigned', userId, note, now);
        return visitId;
      })();
      return get(id);
    },
    list(filter: VisitFilter): Page<Visit> {
      return toPage(list.all(params(filter, filter.after ?? 0, filter.limit + 1)).map(toVisit), filter.limit);
    },
    /** Every visit matching the filter, oldest first (exports and reports). */
    all: (filter: Omit<VisitFilter, 'after' | 'limit'>): Visit[] => list.all(params(filter, 0, -1)).map(toVisit),
    /** Changes who does the visit, where, with which scenario and by when. */
    reassign(id: number, fields: Pick<VisitInput, 'auditorId' | 'location' | 'scenario' | 'dueDate'>): Visit {
      update.run(fields.auditorId, fields.location, fields.scenario, fields.dueDate, nowIso(), id);
      return get(id);
    },
    /** Saves the answers if the visit is still in `state`; false when it moved on meanwhile. */
    saveAnswers(id: number, state: VisitState, answers: Answers, visitedAt: string | null): boolean {
      return saveAnswers.run(JSON.stringify(answers), visitedAt, nowIso(), id, state).changes > 0;
    },
    /** Moves the visit from `from` to `to` and records who, when and why — both or neither. Returns false
     * when the visit was no longer in `from` (a concurrent change). */
    changeState(id: number, from: VisitState, to: VisitState, userId: number, note: string | null, change: StateChange = {}) {
      return db.transaction(() => {
        const now = nowIso();
        const { changes } = setState.run({
          id,
          from,
          to,
          now,
          answers: json(change.answers),
          score: json(change.score),
          scoredAnswers: json(change.scoredAnswers),
          visitedAt: change.visitedAt ?? null,
        });
        if (changes === 0) return false;
        insertTransition.run(id, from, to, userId, note, now);
        return true;
      })();
    },
    transitions: (id: number) => transitions.all(id),
    /** The id of the user with this name if it is an auditor. */
    auditorId: (name: string): number | null => auditorByName.get(name) ?? null,
  };
}

export type VisitsRepo = ReturnType<typeof visitsRepo>;
