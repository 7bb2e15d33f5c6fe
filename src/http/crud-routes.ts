import type { OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv } from './app-env.ts';
import type { Permission } from '../permissions.ts';
import { apiRoute, json, jsonBody } from './route.ts';
import { IdParam } from './schemas.ts';

const withArticle = (noun: string) => `${/^[aeiou]/i.test(noun) ? 'an' : 'a'} ${noun}`;

interface Resource<S extends z.ZodType> {
  tags: string[];
  /** The resource's name in summaries: "business". */
  noun: string;
  schema: S;
  permission: Permission;
}

/** `GET /{id}`: one resource. */
export const getByIdRoute = <S extends z.ZodType>(r: Resource<S>) =>
  apiRoute({
    method: 'get',
    path: '/{id}',
    tags: r.tags,
    summary: `Get ${withArticle(r.noun)}`,
    permission: r.permission,
    request: { params: IdParam },
    responses: { 200: json(r.schema, `The ${r.noun}`) },
  });

/** `PATCH /{id}`: change some fields of one resource. */
export const patchRoute = <S extends z.ZodType, P extends z.ZodType>(r: Resource<S> & { patch: P }) =>
  apiRoute({
    method: 'patch',
    path: '/{id}',
    tags: r.tags,
    summary: `Change ${withArticle(r.noun)}`,
    permission: r.permission,
    request: { params: IdParam, body: jsonBody(r.patch) },
    responses: { 200: json(r.schema, `The changed ${r.noun}`) },
  });

/** `DELETE /{id}`: 204 when deleted. */
export const deleteRoute = (r: Omit<Resource<z.ZodType>, 'schema'> & { summary: string }) =>
  apiRoute({
    method: 'delete',
    path: '/{id}',
    tags: r.tags,
    summary: r.summary,
    permission: r.permission,
    request: { params: IdParam },
    responses: { 204: { description: `The ${r.noun} is gone` } },
  });

/** What a repository must offer for the by-id routes. */
interface ByIdRepo<T, P> {
  get(id: number): Promise<T>;
  update(id: number, patch: P): Promise<T>;
  remove(id: number): Promise<void>;
}

/** Adds `GET`, `PATCH` and `DELETE /{id}` of one resource, served by its repository, to a router. */
export function withByIdRoutes<S extends z.ZodType, P extends z.ZodType>(
  router: OpenAPIHono<AppEnv>,
  r: Omit<Resource<S>, 'permission'> & {
    patch: P;
    repo: ByIdRepo<z.output<S>, z.output<P>>;
    read: Permission;
    write: Permission;
    deleteSummary: string;
  },
): OpenAPIHono<AppEnv> {
  const { repo } = r;
  return router
    .openapi(getByIdRoute({ ...r, permission: r.read }), async (c) => c.json(await repo.get(c.req.valid('param').id), 200))
    .openapi(patchRoute({ ...r, patch: r.patch as z.ZodType, permission: r.write }), async (c) =>
      c.json(await repo.update(c.req.valid('param').id, c.req.valid('json') as z.output<P>), 200),
    )
    .openapi(deleteRoute({ ...r, summary: r.deleteSummary, permission: r.write }), async (c) => {
      await repo.remove(c.req.valid('param').id);
      return c.body(null, 204);
    });
}
