import type { Template } from '../../audits/template-schema.ts';
import { conflict, notFound } from '../errors.ts';
import type { Db } from './open-db.ts';
import { nowIso } from './open-db.ts';

export interface TemplateVersionInfo {
  version: number;
  title: string;
  publishedAt: string;
  publishedBy: string | null;
}

export interface TemplateSummary {
  key: string;
  title: string;
  touchpoint: string;
  builtin: boolean;
  archived: boolean;
  archivedAt: string | null;
  latestVersion: number;
  createdAt: string;
}

/** One immutable published version with its document. */
export interface TemplateVersion extends TemplateVersionInfo {
  id: number;
  key: string;
  archived: boolean;
  template: Template;
}

interface SummaryRow {
  key: string;
  title: string;
  touchpoint: string;
  builtin: number;
  archived_at: string | null;
  latest: number;
  created_at: string;
}

interface VersionRow {
  id: number;
  key: string;
  archived_at: string | null;
  version: number;
  title: string;
  document: string;
  published_at: string;
  published_by: string | null;
}

const toSummary = (r: SummaryRow): TemplateSummary => ({
  key: r.key,
  title: r.title,
  touchpoint: r.touchpoint,
  builtin: r.builtin === 1,
  archived: r.archived_at !== null,
  archivedAt: r.archived_at,
  latestVersion: r.latest,
  createdAt: r.created_at,
});

const toVersion = (r: VersionRow): TemplateVersion => ({
  id: r.id,
  key: r.key,
  archived: r.archived_at !== null,
  version: r.version,
  title: r.title,
  publishedAt: r.published_at,
  publishedBy: r.published_by,
  template: JSON.parse(r.document) as Template,
});

const SUMMARY = `SELECT t.key, v.title, v.touchpoint, t.builtin, t.archived_at, v.version AS latest, t.created_at
  FROM templates t JOIN template_versions v ON v.template_id = t.id
  AND v.version = (SELECT max(version) FROM template_versions WHERE template_id = t.id)`;
const VERSION = `SELECT v.id, t.key, t.archived_at, v.version, v.title, v.document, v.published_at, u.name AS published_by
  FROM template_versions v JOIN templates t ON t.id = v.template_id LEFT JOIN users u ON u.id = v.published_by`;

export function templatesRepo(db: Db) {
  const insertTemplate = db.prepare('INSERT INTO templates (key, builtin, created_at) VALUES (?, ?, ?)');
  const insertVersion = db.prepare(
    `INSERT INTO template_versions (template_id, version, title, touchpoint, document, published_at, published_by)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  const idByKey = db.prepare<[string], number>('SELECT id FROM templates WHERE key = ?').pluck();
  const summary = db.prepare<[string], SummaryRow>(`${SUMMARY} WHERE t.key = ?`);
  const list = db.prepare<[number], SummaryRow>(`${SUMMARY} WHERE (? = 1 OR t.archived_at IS NULL) ORDER BY t.key`);
  const versions = db.prepare<[string], TemplateVersionInfo>(
    `SELECT v.version, v.title, v.published_at AS publishedAt, u.name AS publishedBy FROM template_versions v
     JOIN templates t ON t.id = v.template_id LEFT JOIN users u ON u.id = v.published_by WHERE t.key = ? ORDER BY v.version`,
  );
  const version = db.prepare<[string, number], VersionRow>(`${VERSION} WHERE t.key = ? AND v.version = ?`);
  const latest = db.prepare<[string], VersionRow>(`${VERSION} WHERE t.key = ? ORDER BY v.version DESC LIMIT 1`);
  const byId = db.prepare<[number], VersionRow>(`${VERSION} WHERE v.id = ?`);
  const archive = db.prepare('UPDATE templates SET archived_at = ? WHERE key = ?');

  const getSummary = (key: string): TemplateSummary => {
    const row = summary.get(key);
    if (!row) throw notFound('template', key);
    return toSummary(row);
  };
  const latestVersion = (key: string): TemplateVersion => {
    const row = latest.get(key);
    if (!row) throw notFound('template', key);
    return toVersion(row);
  };
  const addVersion = (templateId: number, number: number, template: Template, userId: number | null) =>
    insertVersion.run(templateId, number, template.title, template.touchpoint, JSON.stringify(template), nowIso(), userId);

  /** A new template published as version 1; 409 when the key is taken. */
  const create = (template: Template, userId: number | null, builtin = false): TemplateSummary => {
    db.transaction(() => {
      if (idByKey.get(template.key) !== undefined)
        throw conflict(`template "${template.key}" exists; publish a new version instead`, { field: 'key' });
      const id = Number(insertTemplate.run(template.key, builtin ? 1 : 0, nowIso()).lastInsertRowid);
      addVersion(id, 1, template, userId);
    })();
    return getSummary(template.key);
  };

  return {
    getSummary,
    latestVersion,
    list: (includeArchived: boolean) => list.all(includeArchived ? 1 : 0).map(toSummary),
    versions: (key: string) => versions.all(key),
    version(key: string, number: number): TemplateVersion {
      const row = version.get(key, number);
      if (!row) throw notFound(`version ${number} of template`, key);
      return toVersion(row);
    },
    versionById(id: number): TemplateVersion {
      const row = byId.get(id);
      if (!row) throw notFound('template version', id);
      return toVersion(row);
    },
    create,
    /** Publishes `template` as the next version; an unchanged document publishes nothing. */
    publish(key: string, template: Template, userId: number | null): { version: TemplateVersion; created: boolean } {
      return db.transaction(() => {
        const current = latestVersion(key);
        if (current.archived) throw conflict(`template "${key}" is archived; unarchive it first`, { field: 'archived' });
        if (JSON.stringify(current.template) === JSON.stringify(template)) return { version: current, created: false };
        const id = idByKey.get(key)!;
        addVersion(id, current.version + 1, template, userId);
        return { version: latestVersion(key), created: true };
      })();
    },
    setArchived(key: string, archived: boolean): TemplateSummary {
      getSummary(key);
      archive.run(archived ? nowIso() : null, key);
      return getSummary(key);
    },
    /** Adds the templates whose key is not stored yet as version 1 (idempotent); returns the keys added. */
    seed: (templates: Template[]): string[] =>
      db.transaction(() => templates.filter((t) => idByKey.get(t.key) === undefined).map((t) => create(t, null, true).key))(),
  };
}

export type TemplatesRepo = ReturnType<typeof templatesRepo>;
