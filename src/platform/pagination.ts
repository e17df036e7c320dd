import { type SelectQueryBuilder, sql } from 'kysely';
import { z } from 'zod';
import { idPrefixes } from './ids.js';
import { defaultPageSize, maxPageSize } from './limits.js';

/** Any id this API hands out: a known prefix, then a ULID in lower-case Crockford base32. */
const idPattern = new RegExp(`^(?:${Object.values(idPrefixes).join('|')})_[0-9a-hjkmnp-tv-z]{26}$`);

/** Cursor pagination over prefixed, time-sortable ids: newest first, `after` is the last id of the previous page. */
export const pageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(maxPageSize).default(defaultPageSize),
  after: z.string().regex(idPattern, 'must be the next_cursor of a previous page (an id)').optional(),
});

export type PageQuery = z.infer<typeof pageQuery>;

export interface Page<T> {
  data: T[];
  has_more: boolean;
  next_cursor: string | null;
}

/** One page of a single-table select whose `id` column holds the prefixed, time-sortable ids, newest first. */
export async function fetchPage<DB, TB extends keyof DB, Row extends { id: string }, T>(
  select: SelectQueryBuilder<DB, TB, Row>,
  query: PageQuery,
  present: (row: Row) => T,
): Promise<Page<T>> {
  const id = sql.ref<string>('id');
  const after = query.after ? select.where(id, '<', query.after) : select;
  return toPage(await after.orderBy(id, 'desc').limit(query.limit + 1).execute(), query.limit, present);
}

/** Rows fetched are `limit + 1`; the extra one only says whether there is a next page. */
function toPage<Row extends { id: string }, T>(rows: Row[], limit: number, present: (row: Row) => T): Page<T> {
  const hasMore = rows.length > limit;
  const pageRows = hasMore ? rows.slice(0, limit) : rows;
  return {
    data: pageRows.map(present),
    has_more: hasMore,
    next_cursor: hasMore ? (pageRows.at(-1)?.id ?? null) : null,
  };
}
