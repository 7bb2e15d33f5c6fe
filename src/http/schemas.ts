import { z } from '@hono/zod-openapi';
import { decodeCursor } from '../store/paging.ts';

export const ErrorSchema = z
  .object({
    error: z.object({
      code: z.string(),
      message: z.string(),
      details: z.unknown().optional(),
    }),
  })
  .openapi('Error');

export const IdParam = z.object({
  id: z.coerce.number().int().positive().openapi({ param: { name: 'id', in: 'path' }, example: 1 }),
});

/** `cursor` and `limit` of every list; `cursor` is decoded into the last id of the previous page. */
export const PageQuery = z.object({
  cursor: z
    .string()
    .optional()
    .transform((c, ctx) => {
      if (c === undefined) return undefined;
      const after = decodeCursor(c);
      if (after === null) {
        ctx.addIssue({ code: 'custom', message: 'not a cursor returned by this API' });
        return z.NEVER;
      }
      return after;
    })
    .openapi({ type: 'string', description: 'nextCursor of the previous page' }),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.string().nullable() });

/** "true"/"false" in a query string. */
export const QueryBoolean = z.enum(['true', 'false']).transform((v) => v === 'true');

export const Timestamp = z.string().openapi({ format: 'date-time', example: '2026-11-23T12:00:00.000Z' });
