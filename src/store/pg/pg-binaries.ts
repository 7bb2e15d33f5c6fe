import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const DEBIAN_ROOT = '/usr/lib/postgresql';

/** A PostgreSQL program (initdb, pg_ctl, pg_dump): the newest of Debian's /usr/lib/postgresql/<version>/bin, else from PATH. */
export function pgBinary(name: string): string {
  const versions = existsSync(DEBIAN_ROOT)
    ? readdirSync(DEBIAN_ROOT)
        .filter((v) => /^\d+$/.test(v))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  for (const v of versions) if (existsSync(join(DEBIAN_ROOT, v, 'bin', name))) return join(DEBIAN_ROOT, v, 'bin', name);
  return name;
}
