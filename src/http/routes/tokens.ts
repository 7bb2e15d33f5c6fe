import { z } from '@hono/zod-openapi';
import type { AppDeps } from '../app-env.ts';
import { ROLES } from '../../permissions.ts';
import { TokenInput } from '../../schemas/token.ts';
import { newRouter } from '../new-router.ts';
import { apiRoute, json, jsonBody } from '../route.ts';
import { IdParam, Timestamp } from '../schemas.ts';

const TokenInfo = z
  .object({
    id: z.number().int(),
    userId: z.number().int(),
    name: z.string(),
    role: z.enum(ROLES),
    prefix: z.string().openapi({ description: 'First characters of the token, to recognise it' }),
    createdAt: Timestamp,
    lastUsedAt: Timestamp.nullable(),
    revokedAt: Timestamp.nullable(),
  })
  .openapi('Token');

const tags = ['tokens'];

export function tokensRoutes({ store }: AppDeps) {
  return newRouter()
    .openapi(
      apiRoute({
        method: 'get',
        path: '/',
        tags,
        summary: 'List API tokens (never the secrets)',
        permission: 'tokens.manage',
        responses: { 200: json(z.object({ items: z.array(TokenInfo) }), 'All tokens') },
      }),
      async (c) => c.json({ items: await store.users.listTokens() }, 200),
    )
    .openapi(
      apiRoute({
        method: 'post',
        path: '/',
        tags,
        summary: 'Create a token for a user (created with the role if new); the token is shown once',
        permission: 'tokens.manage',
        request: { body: jsonBody(TokenInput) },
        responses: { 201: json(TokenInfo.extend({ token: z.string() }), 'The new token') },
      }),
      async (c) => {
        const { name, role } = c.req.valid('json');
        const { token, info } = await store.users.createToken(name, role);
        return c.json({ ...info, token }, 201);
      },
    )
    .openapi(
      apiRoute({
        method: 'delete',
        path: '/{id}',
        tags,
        summary: 'Revoke a token',
        permission: 'tokens.manage',
        request: { params: IdParam },
        responses: { 204: { description: 'Revoked' } },
      }),
      async (c) => {
        await store.users.revokeToken(c.req.valid('param').id);
        return c.body(null, 204);
      },
    );
}
