import type { CompiledQuery, Compilable } from 'kysely';
import type { Queries } from './open-sqlite.ts';

/** Stands for a value bound at each execution of a prepared query. */
class Param {
  constructor(readonly name: string) {}
}

/** The SQL texts of the queries below: a backend that can keep statements prepared per connection keeps these. */
export const preparedSql = new Set<string>();

/**
 * A query written once with the query builder and compiled once, for the hot paths: `build` places
 * `param(name)` where a value goes, and each call binds `values` to those places. Building and compiling a
 * query costs several times what SQLite spends running it (bench:compare), so ingest must not do it per row.
 */
export function preparedQuery<P extends Record<string, unknown>, R>(
  build: (db: Queries, param: <K extends keyof P & string>(name: K) => P[K]) => Compilable<R>,
): (db: Queries, values: P) => Promise<R[]> {
  // Once per dialect (SQLite's `?` and Postgres' `$1` differ): keyed by the database adapter's class.
  const compiledFor = new Map<unknown, CompiledQuery<R>>();
  return async (db, values) => {
    const dialect = db.getExecutor().adapter.constructor;
    let compiled = compiledFor.get(dialect);
    if (!compiled) {
      compiledFor.set(dialect, (compiled = build(db, (name) => new Param(name) as never).compile()));
      preparedSql.add(compiled.sql);
    }
    const parameters = compiled.parameters.map((p) => (p instanceof Param ? values[p.name] : p));
    const { rows } = await db.executeQuery<R>({ ...compiled, parameters });
    return rows;
  };
}
