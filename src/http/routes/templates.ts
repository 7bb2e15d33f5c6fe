import { z } from '@hono/zod-openapi';
import { parseTemplate, type Template } from '../../../audits/template-schema.ts';
import { invalidInput } from '../../visits/invalid-input.ts';
import { createTemplate, publishTemplate } from '../../visits/template-publishing.ts';
import type { AppDeps } from '../app-env.ts';
import { newRouter } from '../new-router.ts';
import { apiRoute, json, jsonBody } from '../route.ts';
import { ErrorSchema, QueryBoolean, Timestamp } from '../schemas.ts';
import { TemplatePatch } from '../../schemas/template.ts';

const TemplateDocument = z
  .record(z.string(), z.unknown())
  .openapi('TemplateDocument', { description: 'A template as documented in audits/README.md (key, title, touchpoint, sections …)' });

const TemplateSummary = z
  .object({
    key: z.string(),
    title: z.string(),
    touchpoint: z.string(),
    builtin: z.boolean(),
    archived: z.boolean(),
    archivedAt: Timestamp.nullable(),
    latestVersion: z.number().int(),
    createdAt: Timestamp,
  })
  .openapi('TemplateSummary');

const VersionInfo = z.object({
  version: z.number().int(),
  title: z.string(),
  publishedAt: Timestamp,
  publishedBy: z.string().nullable(),
});

const TemplateDetail = TemplateSummary.extend({ versions: z.array(VersionInfo), template: TemplateDocument }).openapi('TemplateDetail');
const TemplateVersion = VersionInfo.extend({ key: z.string(), template: TemplateDocument }).openapi('TemplateVersion');

const KeyParam = z.object({ key: z.string().max(64).openapi({ param: { name: 'key', in: 'path' }, example: 'store-visit' }) });
const VersionParam = KeyParam.extend({
  version: z.coerce.number().int().positive().openapi({ param: { name: 'version', in: 'path' }, example: 1 }),
});

const tags = ['templates'];
const missing = { 404: json(ErrorSchema, 'No such template or version') };

function parseBody(body: unknown, key?: string): Template {
  const parsed = parseTemplate(body);
  if (!parsed.ok) throw invalidInput(parsed.issues);
  if (key !== undefined && parsed.value.key !== key)
    throw invalidInput([{ path: 'key', message: `must be "${key}", the key in the path (a template's key never changes)` }]);
  return parsed.value;
}

/** `/api/templates`: versioned scorecard templates; a published version never changes. */
export function templatesRoutes({ store }: AppDeps) {
  const repo = store.templates;
  const detail = async (key: string) => ({
    ...(await repo.summary(key)),
    versions: await repo.versions(key),
    template: (await repo.latestVersion(key)).template,
  });
  return newRouter()
    .openapi(
      apiRoute({
        method: 'get',
        path: '/',
        tags,
        summary: 'List templates with their latest version (archived ones only on request)',
        permission: 'templates.read',
        request: { query: z.object({ archived: QueryBoolean.optional() }) },
        responses: { 200: json(z.object({ items: z.array(TemplateSummary) }), 'The templates') },
      }),
      async (c) => c.json({ items: await repo.list({ archived: c.req.valid('query').archived ?? false }) }, 200),
    )
    .openapi(
      apiRoute({
        method: 'post',
        path: '/',
        tags,
        summary: 'Create a template, published as version 1; 400 names each bad path, 409 when the key is taken',
        permission: 'templates.write',
        request: { body: jsonBody(TemplateDocument) },
        responses: { 201: json(TemplateDetail, 'The created template'), 409: json(ErrorSchema, 'The key is taken') },
      }),
      async (c) => {
        const template = parseBody(c.req.valid('json'));
        await createTemplate(store, template, c.get('principal').userId);
        return c.json(await detail(template.key), 201);
      },
    )
    .openapi(
      apiRoute({
        method: 'get',
        path: '/{key}',
        tags,
        summary: 'Get a template: its versions and the latest document',
        permission: 'templates.read',
        request: { params: KeyParam },
        responses: { 200: json(TemplateDetail, 'The template'), ...missing },
      }),
      async (c) => c.json(await detail(c.req.valid('param').key), 200),
    )
    .openapi(
      apiRoute({
        method: 'get',
        path: '/{key}/versions/{version}',
        tags,
        summary: 'Get one published version of a template (immutable)',
        permission: 'templates.read',
        request: { params: VersionParam },
        responses: { 200: json(TemplateVersion, 'The version'), ...missing },
      }),
      async (c) => {
        const { key, version } = c.req.valid('param');
        const { title, publishedAt, publishedBy, template } = await repo.version(key, version);
        return c.json({ key, version, title, publishedAt, publishedBy, template }, 200);
      },
    )
    .openapi(
      apiRoute({
        method: 'put',
        path: '/{key}',
        tags,
        summary: 'Publish a new version of a template (201); an unchanged document publishes nothing (200)',
        permission: 'templates.write',
        request: { params: KeyParam, body: jsonBody(TemplateDocument) },
        responses: {
          200: json(TemplateDetail, 'Unchanged: no new version'),
          201: json(TemplateDetail, 'The template with its new version'),
          409: json(ErrorSchema, 'The template is archived'),
          ...missing,
        },
      }),
      async (c) => {
        const { key } = c.req.valid('param');
        await repo.summary(key);
        const { created } = await publishTemplate(store, parseBody(c.req.valid('json'), key), c.get('principal').userId);
        return c.json(await detail(key), created ? 201 : 200);
      },
    )
    .openapi(
      apiRoute({
        method: 'patch',
        path: '/{key}',
        tags,
        summary: 'Archive or unarchive a template: archived templates get no new visits or versions',
        permission: 'templates.write',
        request: { params: KeyParam, body: jsonBody(TemplatePatch) },
        responses: { 200: json(TemplateSummary, 'The template'), ...missing },
      }),
      async (c) => c.json(await repo.setArchived(c.req.valid('param').key, c.req.valid('json').archived), 200),
    );
}
