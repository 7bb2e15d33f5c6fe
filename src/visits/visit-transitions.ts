import { scoreVisit } from '../../audits/scoring.ts';
import { allowedTransitions, transition, TransitionError, type VisitState } from '../../audits/workflow.ts';
import type { Db } from '../db/open-db.ts';
import { nowIso } from '../db/open-db.ts';
import { templatesRepo } from '../db/templates.ts';
import type { Principal } from '../db/users.ts';
import { visitsRepo, type StateChange, type Visit } from '../db/visits.ts';
import { AppError, conflict } from '../errors.ts';
import { missingForSubmission } from './photo-answers.ts';
import { visibleVisit, workflowRole } from './visit-access.ts';

const STATUS = { invalid_transition: 409, forbidden: 403, note_required: 422 } as const;

/** States whose entry stores the score of the current answers (the same template version gives the same score
 * for the same answers, so an approval without changes stores the submitted score again). */
const SCORED_ON_ENTRY: readonly VisitState[] = ['submitted', 'approved', 'amended'];

/** The states the caller may move the visit to now (empty for viewers). */
export function nextStates(visit: Visit, principal: Principal): VisitState[] {
  return principal.role === 'viewer' ? [] : allowedTransitions(visit.state, principal.role);
}

/** Moving visits through the workflow, with the checks and the score each step needs. */
export function visitTransitions(db: Db) {
  const visits = visitsRepo(db);
  const templates = templatesRepo(db);

  const checkStep = (visit: Visit, to: VisitState, principal: Principal, note: string | null) => {
    const role = workflowRole(principal);
    try {
      transition(visit.state, to, role, note ?? undefined);
    } catch (err) {
      if (!(err instanceof TransitionError)) throw err;
      throw new AppError(STATUS[err.code], err.code, err.message, { from: err.from, to: err.to, allowed: err.allowed });
    }
  };

  const changeFor = (visit: Visit, to: VisitState): StateChange => {
    if (to === 'upheld') return { answers: visit.scoredAnswers ?? visit.answers };
    if (!SCORED_ON_ENTRY.includes(to)) return {};
    const { template } = templates.versionById(visit.templateVersionId);
    if (to === 'submitted') {
      const missing = missingForSubmission(template, visit.answers);
      if (missing.length)
        throw new AppError(422, 'incomplete', `cannot submit: ${missing.map((m) => `${m.question} (${m.reason})`).join(', ')}`, {
          missing,
        });
    }
    return { score: scoreVisit(template, visit.answers), scoredAnswers: visit.answers, visitedAt: nowIso() };
  };

  return {
    /** Applies one workflow step: 409 naming the allowed states, 403 for the wrong role, 422 without a needed note
     * or, on submission, naming the missing answers and evidence. Upholding a dispute restores the scored answers. */
    apply(principal: Principal, id: number, to: VisitState, note: string | null): Visit {
      const visit = visibleVisit(visits, principal, id);
      checkStep(visit, to, principal, note);
      const change = changeFor(visit, to);
      if (!visits.changeState(id, visit.state, to, principal.userId, note, change)) throw conflict(`visit ${id} changed meanwhile; retry`);
      return visits.get(id);
    },
  };
}
