import type { VisitState } from '../../audits/workflow.ts';
import { businessesRepo } from '../db/businesses.ts';
import type { Db } from '../db/open-db.ts';
import { templatesRepo, type TemplateVersion } from '../db/templates.ts';
import type { Principal } from '../db/users.ts';
import { visitsRepo, type Visit } from '../db/visits.ts';
import { AppError, unprocessable } from '../errors.ts';

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

/** Creating visits: a reviewer assigns a template version and a business to an auditor. */
export function visitAssignment(db: Db) {
  const templates = templatesRepo(db);
  const visits = visitsRepo(db);
  const businesses = businessesRepo(db);

  /** 422 naming the field when the template, version, business or auditor does not exist or is archived. */
  const referenced = <T>(field: string, find: () => T): T => {
    try {
      return find();
    } catch (err) {
      if (err instanceof AppError && err.status === 404) throw unprocessable(field, err.message);
      throw err;
    }
  };

  const auditorId = (name: string): number => {
    const id = visits.auditorId(name);
    if (id === null) throw unprocessable('auditor', `there is no auditor named "${name}"`);
    return id;
  };

  return {
    assign(principal: Principal, input: Assignment): Visit {
      const version: TemplateVersion = referenced(input.templateVersion === undefined ? 'templateKey' : 'templateVersion', () =>
        input.templateVersion === undefined ? templates.latestVersion(input.templateKey) : templates.version(input.templateKey, input.templateVersion),
      );
      if (version.archived) throw unprocessable('templateKey', `template "${input.templateKey}" is archived`);
      referenced('businessId', () => businesses.get(input.businessId));
      const { businessId, location, scenario, dueDate } = input;
      const auditor = auditorId(input.auditor);
      return visits.create({ templateVersionId: version.id, businessId, location, auditorId: auditor, scenario, dueDate }, principal.userId, scenario);
    },
    /** Changes the auditor, location, scenario or due date of a visit not submitted yet (409 after). */
    reassign(id: number, patch: Partial<Pick<Assignment, 'auditor' | 'location' | 'scenario' | 'dueDate'>>): Visit {
      const visit = visits.get(id);
      if (!REASSIGNABLE.includes(visit.state))
        throw new AppError(409, 'not_reassignable', `a visit can be reassigned only while ${REASSIGNABLE.join(', ')}; it is ${visit.state}`, {
          state: visit.state,
        });
      return visits.reassign(id, {
        auditorId: patch.auditor === undefined ? visit.auditorId : auditorId(patch.auditor),
        location: patch.location === undefined ? visit.location : patch.location,
        scenario: patch.scenario === undefined ? visit.scenario : patch.scenario,
        dueDate: patch.dueDate === undefined ? visit.dueDate : patch.dueDate,
      });
    },
  };
}
