import type { VisitState } from '../../audits/workflow.ts';
import { DomainError, isNotFound, unprocessable } from '../errors.ts';
import type { Store } from '../store/store.ts';
import type { TemplateVersion } from '../store/templates.ts';
import type { Principal } from '../store/users.ts';
import type { Visit } from '../store/visits.ts';

export interface Assignment {
  templateKey: string;
  templateVersion?: number | undefined;
  businessId: number;
  location: string | null;
  auditor: string;
  scenario: string | null;
  dueDate: string | null;
}

const REASSIGNABLE: readonly VisitState[] = ['assigned', 'draft', 'returned'];

/** Unprocessable, naming the field, when the template, version or business does not exist. */
async function referenced<T>(field: string, find: () => Promise<T>): Promise<T> {
  try {
    return await find();
  } catch (err) {
    if (isNotFound(err)) throw unprocessable(field, err.message);
    throw err;
  }
}

async function auditorId(tx: Store, name: string): Promise<number> {
  const id = await tx.visits.auditorId(name);
  if (id === null) throw unprocessable('auditor', `there is no auditor named "${name}"`);
  return id;
}

/** Creating visits: a reviewer assigns a template version and a business to an auditor. */
export function visitAssignment(store: Store) {
  return {
    /** Unprocessable, naming the field, when the template, version, business or auditor does not exist or is archived. */
    assign(principal: Principal, input: Assignment): Promise<Visit> {
      return store.transaction(async (tx) => {
        const version: TemplateVersion = await referenced(input.templateVersion === undefined ? 'templateKey' : 'templateVersion', () =>
          input.templateVersion === undefined ? tx.templates.latestVersion(input.templateKey) : tx.templates.version(input.templateKey, input.templateVersion),
        );
        if (version.archived) throw unprocessable('templateKey', `template "${input.templateKey}" is archived`);
        await referenced('businessId', () => tx.businesses.get(input.businessId));
        const { businessId, location, scenario, dueDate } = input;
        const auditor = await auditorId(tx, input.auditor);
        const visit = await tx.visits.create({ templateVersionId: version.id, businessId, location, auditorId: auditor, scenario, dueDate }, principal.userId);
        await tx.visits.addTransition(visit.id, { from: null, to: 'assigned', userId: principal.userId, note: scenario });
        return visit;
      });
    },
    /** Changes the auditor, location, scenario or due date of a visit not submitted yet (a conflict after). */
    reassign(id: number, patch: Partial<Pick<Assignment, 'auditor' | 'location' | 'scenario' | 'dueDate'>>): Promise<Visit> {
      return store.transaction(async (tx) => {
        const visit = await tx.visits.get(id);
        if (!REASSIGNABLE.includes(visit.state))
          throw new DomainError('conflict', 'not_reassignable', `a visit can be reassigned only while ${REASSIGNABLE.join(', ')}; it is ${visit.state}`, {
            state: visit.state,
          });
        return tx.visits.reassign(id, {
          auditorId: patch.auditor === undefined ? visit.auditorId : await auditorId(tx, patch.auditor),
          location: patch.location === undefined ? visit.location : patch.location,
          scenario: patch.scenario === undefined ? visit.scenario : patch.scenario,
          dueDate: patch.dueDate === undefined ? visit.dueDate : patch.dueDate,
        });
      });
    },
  };
}
