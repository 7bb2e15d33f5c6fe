import type { Template } from '../../../audits/template-schema.ts';
import { conflict, notFound } from '../../errors.ts';
import type { TemplateStore, TemplateSummary, TemplateVersion } from '../templates.ts';
import type { Queries } from './open-sqlite.ts';
import { bit, bool, isUniqueViolation, nowIso } from './sqlite-values.ts';

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
  builtin: bool(r.builtin),
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

export function sqliteTemplates(db: Queries): TemplateStore {
  /** Each template with its latest version. */
  const summaries = () =>
    db
      .selectFrom('templates as t')
      .innerJoin('template_versions as v', (join) =>
        join
          .onRef('v.template_id', '=', 't.id')
          .on((eb) =>
            eb(
              'v.version',
              '=',
              eb.selectFrom('template_versions as l').select((l) => l.fn.max('l.version').as('latest')).whereRef('l.template_id', '=', 't.id'),
            ),
          ),
      )
      .select(['t.key', 'v.title', 'v.touchpoint', 't.builtin', 't.archived_at', 'v.version as latest', 't.created_at']);

  const versionRows = () =>
    db
      .selectFrom('template_versions as v')
      .innerJoin('templates as t', 't.id', 'v.template_id')
      .leftJoin('users as u', 'u.id', 'v.published_by')
      .select(['v.id', 't.key', 't.archived_at', 'v.version', 'v.title', 'v.document', 'v.published_at', 'u.name as published_by']);

  const summary = async (key: string): Promise<TemplateSummary> => {
    const row = await summaries().where('t.key', '=', key).executeTakeFirst();
    if (!row) throw notFound('template', key);
    return toSummary(row);
  };

  const insertVersion = async (templateId: number, version: number, template: Template, publishedBy: number | null) => {
    const { id } = await db
      .insertInto('template_versions')
      .values({
        template_id: templateId,
        version,
        title: template.title,
        touchpoint: template.touchpoint,
        document: JSON.stringify(template),
        published_at: nowIso(),
        published_by: publishedBy,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
      .catch((err: unknown) => {
        if (isUniqueViolation(err, 'template_versions.template_id'))
          throw conflict(`version ${version} of template "${template.key}" exists`, { field: 'version' });
        throw err;
      });
    return id;
  };

  const versionById = async (id: number): Promise<TemplateVersion> => {
    const row = await versionRows().where('v.id', '=', id).executeTakeFirst();
    if (!row) throw notFound('template version', id);
    return toVersion(row);
  };

  return {
    summary,
    async list({ archived }) {
      let q = summaries();
      if (!archived) q = q.where('t.archived_at', 'is', null);
      return (await q.orderBy('t.key').execute()).map(toSummary);
    },
    versions: (key) =>
      db
        .selectFrom('template_versions as v')
        .innerJoin('templates as t', 't.id', 'v.template_id')
        .leftJoin('users as u', 'u.id', 'v.published_by')
        .select(['v.version', 'v.title', 'v.published_at as publishedAt', 'u.name as publishedBy'])
        .where('t.key', '=', key)
        .orderBy('v.version')
        .execute(),
    async latestVersion(key) {
      const row = await versionRows().where('t.key', '=', key).orderBy('v.version', 'desc').limit(1).executeTakeFirst();
      if (!row) throw notFound('template', key);
      return toVersion(row);
    },
    async version(key, version) {
      const row = await versionRows().where('t.key', '=', key).where('v.version', '=', version).executeTakeFirst();
      if (!row) throw notFound(`version ${version} of template`, key);
      return toVersion(row);
    },
    versionById,
    async create(template, { publishedBy, builtin }) {
      const { id } = await db
        .insertInto('templates')
        .values({ key: template.key, builtin: bit(builtin), created_at: nowIso() })
        .returning('id')
        .executeTakeFirstOrThrow()
        .catch((err: unknown) => {
          if (isUniqueViolation(err, 'templates.key'))
            throw conflict(`template "${template.key}" exists; publish a new version instead`, { field: 'key' });
          throw err;
        });
      await insertVersion(id, 1, template, publishedBy);
      return summary(template.key);
    },
    async addVersion(template, version, publishedBy) {
      const row = await db.selectFrom('templates').select('id').where('key', '=', template.key).executeTakeFirst();
      if (!row) throw notFound('template', template.key);
      return versionById(await insertVersion(row.id, version, template, publishedBy));
    },
    async setArchived(key, archived) {
      const { numUpdatedRows } = await db
        .updateTable('templates')
        .set({ archived_at: archived ? nowIso() : null })
        .where('key', '=', key)
        .executeTakeFirst();
      if (numUpdatedRows === 0n) throw notFound('template', key);
      return summary(key);
    },
  };
}
