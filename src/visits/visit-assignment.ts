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

  return {
    assign(principal: Principal, input: Assignment): Visit {
      const version: TemplateVersion = referenced(input.templateVersion === undefined ? 'templateKey' : 'templateVersion', () =>
        input.templateVersion === undefined ? templates.latestVersion(input.templateKey) : templates.version(input.templateKey, input.templateVersion),
      );
      if (version.archived) throw unprocessable('templateKey', `template "${input.templateKey}" is archived`);
      referenced('businessId', () => businesses.get(input.businessId));
      const auditorId = visits.auditorId(input.auditor);
      if (auditorId === null) throw unprocessable('auditor', `there is no auditor named "${input.auditor}"`);
      const { businessId, location, scenario, dueDate } = input;
      return visits.create({ templateVersionId: version.id, businessId, location, auditorId, scenario, dueDate }, principal.userId, scenario);
    },
  };
}
