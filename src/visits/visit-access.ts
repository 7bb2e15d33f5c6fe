import { canEditAnswers, REPORTED_STATES, type Role as WorkflowRole, type VisitState } from '../../audits/workflow.ts';
import { DomainError, notFound } from '../errors.ts';
import { can } from '../permissions.ts';
import type { Store } from '../store/store.ts';
import type { Principal } from '../store/users.ts';
import type { Visit, VisitFilter } from '../store/visits.ts';

/** Auditors see only their own visits, viewers only reported (published) ones; reviewers see all. `state` narrows
 * further (a viewer asking for drafts gets none). */
export function visibilityFilter(principal: Principal, state?: VisitState): Pick<VisitFilter, 'auditorId' | 'states'> {
  const states = principal.role === 'viewer' ? REPORTED_STATES : undefined;
  const narrowed = state === undefined ? states : (states ?? [state]).filter((s) => s === state);
  return principal.role === 'auditor' ? { auditorId: principal.userId, states: narrowed } : { states: narrowed };
}

function visible(visit: Visit, principal: Principal): boolean {
  if (principal.role === 'auditor') return visit.auditorId === principal.userId;
  if (principal.role === 'viewer') return REPORTED_STATES.includes(visit.state);
  return true;
}

/** The visit if the caller may see it; a visit the caller may not see is not found, so its existence does not leak. */
export async function visibleVisit(store: Store, principal: Principal, id: number): Promise<Visit> {
  const visit = await store.visits.get(id);
  if (!visible(visit, principal)) throw notFound('visit', id);
  return visit;
}

/** The caller's role in the visit workflow; roles without visits.work (viewers) take no part in it. */
export function workflowRole({ role }: Principal): WorkflowRole {
  if (!can(role, 'visits.work')) throw new DomainError('forbidden', 'forbidden', `a ${role} cannot change visits`, { role });
  return role;
}

/** Whether the caller may change the answers and evidence now; an assigned visit counts as a draft for its auditor
 * (the first save starts it). */
export function assertEditable(visit: Visit, principal: Principal): void {
  const role = workflowRole(principal);
  const state = visit.state === 'assigned' ? 'draft' : visit.state;
  if (!canEditAnswers(state, role))
    throw new DomainError('conflict', 'not_editable', `${role} cannot change a visit's answers while it is ${visit.state}`, {
      state: visit.state,
      role,
    });
}
