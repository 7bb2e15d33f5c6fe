import { z } from '@hono/zod-openapi';
import type { Page } from '../store/paging.ts';

/** The cursor the API hands out is opaque: the id to continue after, encoded. */
const encodeCursor = (after: number) => Buffer.from(`id:${after}`).toString('base64url');

function decodeCursor(cursor: string): number | null {
  const match = /^id:(\d+)$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  return match ? Number(match[1]) : null;
}

/** `cursor` and `limit` of every list; `cursor` is decoded into the id to continue after. */
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

/** A validated list query as the store takes it: the decoded `cursor` becomes `after`. */
export const pageRequest = <Q extends { cursor?: number | undefined }>({ cursor, ...rest }: Q) => ({ ...rest, after: cursor });

export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.string().nullable() });

/** A store page as the API sends it: `nextCursor` encodes the id to continue after. */
export const pageBody = <T>({ items, nextAfter }: Page<T>) => ({
  items,
  nextCursor: nextAfter === null ? null : encodeCursor(nextAfter),
});
