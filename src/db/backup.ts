import type { Db } from './open-db.ts';

/**
 * Writes a consistent copy of the database to `file` in one read transaction (VACUUM INTO):
 * writers in other connections carry on, and unlike the page-by-page backup API it never restarts
 * when they write.
 */
export function backupTo(db: Db, file: string): void {
  db.prepare('VACUUM INTO ?').run(file);
}
