import { z } from 'zod';
import { CHANGE_KINDS, type ChangeKind } from '../../compare/diff-snapshots.ts';
import type { ChangeFilter } from '../../store/changes.ts';

/** The periods the feed offers, in days back from now. */
export const PERIODS = { '1d': 1, '7d': 7, '30d': 30, '90d': 90 } as const;
export type Period = keyof typeof PERIODS;

/** The feed's filters as they travel in the query string (`/changes?businessId=3&field=price`). */
export interface ChangeFilters {
  businessId?: number;
  productId?: number;
  field?: string;
  kind?: ChangeKind;
  period?: Period;
}

const id = z.coerce.number().int().positive();
const parts = {
  businessId: id,
  productId: id,
  field: z.string().trim().min(1).max(100),
  kind: z.enum(CHANGE_KINDS),
  period: z.enum(Object.keys(PERIODS) as [Period, ...Period[]]),
};

/** Reads the filters from a query; a value that is empty or not valid is left out (the feed shows everything for it). */
export function parseChangeFilters(query: Record<string, string | undefined>): ChangeFilters {
  const filters: Record<string, unknown> = {};
  for (const [key, schema] of Object.entries(parts)) {
    const parsed = schema.safeParse(query[key]);
    if (parsed.success) filters[key] = parsed.data;
  }
  return filters as ChangeFilters;
}

/** `/changes?…` with the filters set (in a fixed order) and the page cursor. */
export function changesHref(filters: ChangeFilters, cursor: string | null = null): string {
  const params = new URLSearchParams();
  for (const key of Object.keys(parts) as (keyof ChangeFilters)[]) if (filters[key] !== undefined) params.set(key, String(filters[key]));
  if (cursor) params.set('cursor', cursor);
  const query = params.toString();
  return query ? `/changes?${query}` : '/changes';
}

/** The store's filter for a page of the feed; the period counts back from `now`. */
export function storeFilter(filters: ChangeFilters, page: { after?: number; limit: number }, now = Date.now()): ChangeFilter {
  const { period, ...rest } = filters;
  const since = period ? new Date(now - PERIODS[period] * 86_400_000).toISOString() : undefined;
  return { ...rest, ...(since && { since }), ...page, newestFirst: true };
}
