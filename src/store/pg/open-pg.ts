import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { preparedSql } from '../sqlite/prepared-query.ts';
import type { Tables } from '../sqlite/schema.ts';

export type Queries = Kysely<Tables>;

export const DEFAULT_POOL_SIZE = 10;

const OID = { bool: 16, int8: 20, json: 114, jsonb: 3802 } as const;

/**
 * Rows come back in the very shapes SQLite gives, so the query code and its row types are shared: bigint ids
 * as numbers (exact up to 2^53), booleans as 0/1, JSON as its text (stores parse it where they need it).
 * Set on the pool only, never on pg's global parsers.
 */
const sqliteShapes: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
    if (format === undefined || format === 'text') {
      if (oid === OID.int8) return (value: string) => Number(value);
      if (oid === OID.bool) return (value: string) => (value === 't' ? 1 : 0);
      if (oid === OID.json || oid === OID.jsonb) return (value: string) => value;
    }
    return pg.types.getTypeParser(oid, format as 'text');
  }) as pg.CustomTypesConfig['getTypeParser'],
};

/** A name per hot SQL text, the same on every connection of this process. */
const statementNames = new Map<string, string>();

/**
 * The hot queries (prepared-query.ts) run as named statements: each connection parses and plans one once
 * and then only binds and executes it. Every other query is parsed each time, so statements prepared
 * on a connection stay few.
 */
function keepHotStatementsPrepared(client: pg.PoolClient): void {
  const query = client.query.bind(client) as (...args: unknown[]) => unknown;
  // Every argument passes on: pool.query(text, values) hands the client a callback as the third.
  client.query = ((config: unknown, values?: unknown, ...rest: unknown[]) => {
    if (typeof config !== 'string' || !Array.isArray(values) || !preparedSql.has(config)) return query(config, values, ...rest);
    let name = statementNames.get(config);
    if (!name) statementNames.set(config, (name = `rivalscope_${statementNames.size + 1}`));
    return query({ name, text: config, values }, ...rest);
  }) as typeof client.query;
}

/** A pool of `size` connections to the Postgres at `url` (postgres://user:pass@host:port/db). */
export function openPgPool(url: string, size = DEFAULT_POOL_SIZE): pg.Pool {
  const pool = new pg.Pool({ connectionString: url, max: size, types: sqliteShapes });
  pool.on('connect', keepHotStatementsPrepared);
  // An idle connection the server drops (restart, failover) must not crash the process: the pool replaces it.
  pool.on('error', () => {});
  return pool;
}

/** Kysely over the pool: the same builder code as SQLite's, compiled for Postgres. */
export function pgQueries(pool: pg.Pool): Queries {
  return new Kysely<Tables>({ dialect: new PostgresDialect({ pool }) });
}
