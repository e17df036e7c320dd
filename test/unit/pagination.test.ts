import { describe, expect, it } from 'vitest';
import { deterministicEventId } from '../../src/platform/event-types.js';
import { idFloor, idPrefixes, newId } from '../../src/platform/ids.js';
import { defaultPageSize, maxPageSize } from '../../src/platform/limits.js';
import { fetchPage, pageQuery } from '../../src/platform/pagination.js';
import { fakeDb } from './fake-db.js';

describe('pageQuery', () => {
  it('defaults the limit and leaves after out', () => {
    expect(pageQuery.parse({})).toEqual({ limit: defaultPageSize });
  });

  it('coerces a query-string limit', () => {
    expect(pageQuery.parse({ limit: '7' })).toEqual({ limit: 7 });
    expect(pageQuery.parse({ limit: '1' }).limit).toBe(1);
    expect(pageQuery.parse({ limit: String(maxPageSize) }).limit).toBe(maxPageSize);
  });

  it.each(['0', '-1', String(maxPageSize + 1), '1.5', 'ten', 'NaN', 'Infinity'])('refuses limit=%s', (limit) => {
    expect(pageQuery.safeParse({ limit }).success).toBe(false);
  });

  it('takes any id the API hands out as the cursor', () => {
    for (const kind of Object.keys(idPrefixes) as (keyof typeof idPrefixes)[]) {
      const after = newId(kind);
      expect(pageQuery.parse({ after })).toEqual({ limit: defaultPageSize, after });
    }
    // Event ids are hashes of their fact, in the same alphabet and length.
    const eventId = deterministicEventId('domain.verified:dom_x');
    expect(pageQuery.parse({ after: eventId }).after).toBe(eventId);
  });

  it.each([
    ['an unknown prefix', `xyz_${newId('message').slice(4)}`],
    ['upper case', newId('message').toUpperCase()],
    ['a letter outside Crockford base32', `msg_${'i'.repeat(26)}`],
    ['a short id', newId('message').slice(0, -1)],
    ['a long id', `${newId('message')}0`],
    ['an id floor (not an id)', idFloor('message', new Date())],
    ['a prefix only', 'msg_'],
    ['trailing text', `${newId('message')}\n`],
    ['leading text', ` ${newId('message')}`],
    ['SQL', "msg_' or 1=1 --"],
    ['the empty string', ''],
  ])('refuses %s as the cursor, with a message saying what it must be', (_, after) => {
    const result = pageQuery.safeParse({ after });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe('must be the next_cursor of a previous page (an id)');
  });
});

const rowsOf = (count: number) => Array.from({ length: count }, (_, index) => ({ id: `thing_${String(100 - index).padStart(3, '0')}` }));

describe('fetchPage', () => {
  it('asks for one row more than the limit, newest first', async () => {
    const { db, queries } = fakeDb<{ things: { id: string } }>([]);
    await fetchPage(db.selectFrom('things').selectAll(), { limit: 5 }, (row) => row);
    expect(queries).toHaveLength(1);
    expect(queries[0]?.sql).toMatch(/order by "id" desc limit \$1$/);
    expect(queries[0]?.parameters).toEqual([6]);
  });

  it('starts after the cursor when given one', async () => {
    const { db, queries } = fakeDb<{ things: { id: string } }>([]);
    const after = newId('message');
    await fetchPage(db.selectFrom('things').selectAll(), { limit: 5, after }, (row) => row);
    expect(queries[0]?.sql).toMatch(/where "id" < \$1 order by "id" desc limit \$2$/);
    expect(queries[0]?.parameters).toEqual([after, 6]);
  });

  it('an empty result is an empty last page', async () => {
    const { db } = fakeDb<{ things: { id: string } }>([]);
    expect(await fetchPage(db.selectFrom('things').selectAll(), { limit: 5 }, (row) => row)).toEqual({
      data: [],
      has_more: false,
      next_cursor: null,
    });
  });

  it('exactly limit rows is the last page', async () => {
    const rows = rowsOf(5);
    const { db } = fakeDb<{ things: { id: string } }>(rows);
    const page = await fetchPage(db.selectFrom('things').selectAll(), { limit: 5 }, (row) => row.id);
    expect(page).toEqual({ data: rows.map((row) => row.id), has_more: false, next_cursor: null });
  });

  it('limit + 1 rows: limit of them, more to come, the cursor the last one shown', async () => {
    const rows = rowsOf(6);
    const { db } = fakeDb<{ things: { id: string } }>(rows);
    const page = await fetchPage(db.selectFrom('things').selectAll(), { limit: 5 }, (row) => ({ shown: row.id }));
    expect(page.data).toEqual(rows.slice(0, 5).map((row) => ({ shown: row.id })));
    expect(page.has_more).toBe(true);
    expect(page.next_cursor).toBe(rows[4]?.id);
  });

  it('a limit of 1', async () => {
    const rows = rowsOf(2);
    const { db } = fakeDb<{ things: { id: string } }>(rows);
    const page = await fetchPage(db.selectFrom('things').selectAll(), { limit: 1 }, (row) => row.id);
    expect(page).toEqual({ data: [rows[0]?.id], has_more: true, next_cursor: rows[0]?.id });
  });

  it('the cursor is the row id, not whatever present() returns', async () => {
    const rows = rowsOf(3);
    const { db } = fakeDb<{ things: { id: string } }>(rows);
    const page = await fetchPage(db.selectFrom('things').selectAll(), { limit: 2 }, () => ({ id: 'hidden' }));
    expect(page.next_cursor).toBe(rows[1]?.id);
  });
});
