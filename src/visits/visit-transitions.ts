import { scoreVisit } from '../../audits/scoring.ts';
import { allowedTransitions, transition, TransitionError, type VisitState } from '../../audits/workflow.ts';
import { conflict, DomainError, type ErrorKind } from '../errors.ts';
import { can } from '../permissions.ts';
import type { Store } from '../store/store.ts';
import type { Principal } from '../store/users.ts';
import type { StateChange, Visit } from '../store/visits.ts';
import { missingForSubmission } from './photo-answers.ts';
import { visibleVisit, workflowRole } from './visit-access.ts';

const KIND = {
  invalid_transition: 'conflict',
  forbidden: 'forbidden',
  note_required: 'unprocessable',
} as const satisfies Record<TransitionError['code'], ErrorKind>;

/** States whose entry stores the score of the current answers (the same template version gives the same score
 * for the same answers, so an approval without changes stores the submitted score again). */
const SCORED_ON_ENTRY: readonly VisitState[] = ['submitted', 'approved', 'amended'];

/** The states the caller may move the visit to now (empty for viewers). */
export function nextStates(visit: Visit, principal: Principal): VisitState[] {
  return can(principal.role, 'visits.work') ? allowedTransitions(visit.state, principal.role) : [];
}

function checkStep(visit: Visit, to: VisitState, principal: Principal, note: string | null): void {
  const role = workflowRole(principal);
  try {
    transition(visit.state, to, role, note ?? undefined);
  } catch (err) {
    if (!(err instanceof TransitionError)) throw err;
    throw new DomainError(KIND[err.code], err.code, err.message, { from: err.from, to: err.to, allowed: err.allowed });
  }
}

async function changeFor(tx: Store, visit: Visit, to: VisitState): Promise<StateChange> {
  if (to === 'upheld') return { answers: visit.scoredAnswers ?? visit.answers };
  if (!SCORED_ON_ENTRY.includes(to)) return {};
  const { template } = await tx.templates.versionById(visit.templateVersionId);
  if (to === 'submitted') {
    const missing = missingForSubmission(template, visit.answers);
    if (missing.length)
      throw new DomainError('unprocessable', 'incomplete', `cannot submit: ${missing.map((m) => `${m.question} (${m.reason})`).join(', ')}`, {
        missing,
      });
  }
  return { score: scoreVisit(template, visit.answers), scoredAnswers: visit.answers, visitedAt: new Date().toISOString() };
}

/** Moving visits through the workflow, with the checks and the score each step needs. */
export function visitTransitions(store: Store) {
  return {
    /** Applies one workflow step: a conflict naming the allowed states, forbidden for the wrong role, unprocessable
     * without a needed note or, on submission, naming the missing answers and evidence. Upholding a dispute restores
     * the scored answers. */
    apply(principal: Principal, id: number, to: VisitState, note: string | null): Promise<Visit> {
      return store.transaction(async (tx) => {
        const visit = await visibleVisit(tx, principal, id);
        checkStep(visit, to, principal, note);
        const change = await changeFor(tx, visit, to);
        if (!(await tx.visits.changeState(id, visit.state, to, change))) throw conflict(`visit ${id} changed meanwhile; retry`);
        await tx.visits.addTransition(id, { from: visit.state, to, userId: principal.userId, note });
        return tx.visits.get(id);
      });
    },
  };
}
