import { loadBuiltinTemplates } from '../../audits/builtin-templates.ts';
import type { Db } from '../db/open-db.ts';
import { templatesRepo } from '../db/templates.ts';

/** Stores each built-in template not stored yet as its version 1; idempotent, run at every start. */
export function seedBuiltinTemplates(db: Db): string[] {
  return templatesRepo(db).seed(loadBuiltinTemplates());
}
