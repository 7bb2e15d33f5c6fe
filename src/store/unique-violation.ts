/**
 * Which unique rule a failed write broke, in either backend, named as SQLite names it (`table.column`, the
 * first column of the rule). Stores turn these into domain conflicts.
 */

/** Postgres names its constraints and unique indexes; each one a store maps to a conflict, by its first column. */
export const PG_UNIQUE_COLUMNS: Readonly<Record<string, string>> = {
  businesses_single_own: 'businesses.own',
  users_name_key: 'users.name',
  tokens_hash_key: 'tokens.hash',
  templates_key_key: 'templates.key',
  template_versions_template_id_version_key: 'template_versions.template_id',
  alert_deliveries_rule_id_dedupe_key_key: 'alert_deliveries.rule_id',
  runs_one_pending: 'runs.target_id',
  users_email: 'users.email',
  sessions_hash_key: 'sessions.hash',
  user_links_hash_key: 'user_links.hash',
};

/** Postgres' SQLSTATE for unique_violation. */
const PG_UNIQUE_VIOLATION = '23505';

/** True when `err` is a unique violation of the rule whose first column is `column` (`table.column`). */
export function isUniqueViolation(err: unknown, column: string): boolean {
  if (!(err instanceof Error)) return false;
  const { code, constraint } = err as Error & { code?: unknown; constraint?: unknown };
  if (code === PG_UNIQUE_VIOLATION) return typeof constraint === 'string' && PG_UNIQUE_COLUMNS[constraint] === column;
  // SQLite: "UNIQUE constraint failed: template_versions.template_id, template_versions.version"
  return err.message.includes(`UNIQUE constraint failed: ${column}`);
}
