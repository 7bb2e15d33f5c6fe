import Database from 'better-sqlite3';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate } from '../../../src/store/sqlite/migrate.ts';
import { pgMigrationFiles } from '../../../src/store/pg/migrate.ts';
import { PG_UNIQUE_COLUMNS } from '../../../src/store/unique-violation.ts';
import { freshPgDatabase } from '../../helpers/pg-store-factory.ts';
import { withAdmin } from '../../helpers/postgres.ts';

/** A schema as both backends can describe it: what the query code relies on. */
interface Schema {
  /** table → its columns in order, as `name type-family null|not null` */
  tables: Record<string, string[]>;
  /** table → its primary key and unique constraints, as column lists */
  keys: Record<string, string[]>;
  /** index name → `table (columns)`, unique or not, partial or not */
  indexes: Record<string, string>;
}

/** Types as families: SQLite stores 0/1 for booleans and text for JSON, as the row types say. */
const family = (type: string) => {
  const t = type.toLowerCase();
  if (/int|bool/.test(t)) return 'integer';
  if (/real|double|float/.test(t)) return 'real';
  if (/blob|bytea/.test(t)) return 'blob';
  if (/text|char|json/.test(t)) return 'text';
  return t;
};

const index = (table: string, columns: string[], unique: boolean, partial: boolean) =>
  `${table} (${columns.join(', ')})${unique ? ' unique' : ''}${partial ? ' partial' : ''}`;

function sqliteSchema(): Schema {
  const db = new Database(':memory:');
  migrate(db);
  const schema: Schema = { tables: {}, keys: {}, indexes: {} };
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all() as string[];
  for (const table of tables) {
    const columns = db.prepare(`PRAGMA table_info(${table})`).all() as { name: string; type: string; notnull: number; pk: number }[];
    schema.tables[table] = columns.map((c) => `${c.name} ${family(c.type)} ${c.notnull || c.pk ? 'not null' : 'null'}`);
    const pk = columns.filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk).map((c) => c.name);
    const keys = [`primary (${pk.join(', ')})`];
    const list = db.prepare(`PRAGMA index_list(${table})`).all() as { name: string; unique: number; origin: string; partial: number }[];
    for (const i of list) {
      const cols = (db.prepare(`PRAGMA index_info(${i.name})`).all() as { seqno: number; name: string }[]).sort((a, b) => a.seqno - b.seqno).map((c) => c.name);
      if (i.origin === 'u') keys.push(`unique (${cols.join(', ')})`);
      else if (i.origin === 'c') schema.indexes[i.name] = index(table, cols, i.unique === 1, i.partial === 1);
    }
    schema.keys[table] = keys.sort();
  }
  db.close();
  return schema;
}

async function pgSchema(url: string): Promise<Schema> {
  return withAdmin(url, async (c) => {
    const schema: Schema = { tables: {}, keys: {}, indexes: {} };
    const columns = await c.query<{ table_name: string; column_name: string; data_type: string; is_nullable: string }>(
      `SELECT table_name, column_name, data_type, is_nullable FROM information_schema.columns
       WHERE table_schema = 'public' ORDER BY table_name, ordinal_position`,
    );
    for (const col of columns.rows)
      (schema.tables[col.table_name] ??= []).push(`${col.column_name} ${family(col.data_type)} ${col.is_nullable === 'YES' ? 'null' : 'not null'}`);
    const constraints = await c.query<{ table: string; type: string; columns: string[] }>(
      `SELECT t.relname AS table, k.contype AS type,
              array(SELECT a.attname FROM unnest(k.conkey) WITH ORDINALITY AS u(n, i)
                    JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = u.n ORDER BY u.i)::text[] AS columns
       FROM pg_constraint k JOIN pg_class t ON t.oid = k.conrelid JOIN pg_namespace s ON s.oid = t.relnamespace
       WHERE s.nspname = 'public' AND k.contype IN ('p', 'u')`,
    );
    for (const k of constraints.rows) (schema.keys[k.table] ??= []).push(`${k.type === 'p' ? 'primary' : 'unique'} (${k.columns.join(', ')})`);
    for (const keys of Object.values(schema.keys)) keys.sort();
    const indexes = await c.query<{ name: string; table: string; columns: string[]; unique: boolean; partial: boolean }>(
      `SELECT i.relname AS name, t.relname AS table, x.indisunique AS unique, x.indpred IS NOT NULL AS partial,
              array(SELECT a.attname FROM unnest(x.indkey) WITH ORDINALITY AS u(n, k)
                    JOIN pg_attribute a ON a.attrelid = x.indrelid AND a.attnum = u.n ORDER BY u.k)::text[] AS columns
       FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid
       JOIN pg_namespace s ON s.oid = t.relnamespace
       WHERE s.nspname = 'public' AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = x.indexrelid)`,
    );
    for (const i of indexes.rows) schema.indexes[i.name] = index(i.table, i.columns, i.unique, i.partial);
    return schema;
  });
}

describe('the Postgres schema', () => {
  let database: Awaited<ReturnType<typeof freshPgDatabase>>;
  beforeAll(async () => {
    database = await freshPgDatabase();
  });
  afterAll(() => database.drop());

  it('is migrated by files numbered and named as SQLite’s, kept in step', () => {
    const sqliteDir = fileURLToPath(new URL('../../../src/store/sqlite/migrations/', import.meta.url));
    const sqliteFiles = readdirSync(sqliteDir).filter((f) => f.endsWith('.sql')).sort();
    expect(pgMigrationFiles().map((m) => m.file)).toEqual(sqliteFiles);
  });

  it('has the same tables, columns (in order, type family, nullability), keys and indexes as SQLite’s', async () => {
    const [expected, actual] = [sqliteSchema(), await pgSchema(database.url)];
    expect(Object.keys(actual.tables).sort()).toEqual(Object.keys(expected.tables).sort());
    for (const table of Object.keys(expected.tables)) {
      expect({ table, columns: actual.tables[table] }).toEqual({ table, columns: expected.tables[table] });
      expect({ table, keys: actual.keys[table] }).toEqual({ table, keys: expected.keys[table] });
    }
    expect(actual.indexes).toEqual(expected.indexes);
  });

  it('names every unique rule in the map that turns violations into conflicts', async () => {
    const names = await withAdmin(database.url, (c) =>
      c.query<{ name: string; table: string; column: string }>(
        `SELECT i.relname AS name, t.relname AS table, a.attname AS column
         FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid
         JOIN pg_namespace s ON s.oid = t.relnamespace JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = x.indkey[0]
         WHERE s.nspname = 'public' AND x.indisunique AND NOT x.indisprimary`,
      ),
    );
    expect(Object.fromEntries(names.rows.map((r) => [r.name, `${r.table}.${r.column}`]))).toEqual(PG_UNIQUE_COLUMNS);
  });
});
