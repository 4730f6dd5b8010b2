import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PGLITE_START_PARAMS } from './database.ts';
import { PgliteThread } from './pglite-thread.ts';

let pglite: PgliteThread;
beforeAll(async () => {
  pglite = await PgliteThread.open(undefined, PGLITE_START_PARAMS);
  await pglite.exec('create table notes (id int primary key, at timestamptz, body jsonb)');
});
afterAll(() => pglite.close());

describe('PGlite on its own thread (issue 13 P1)', () => {
  it('answers queries as PGlite does: parsed values, or the text a parser keeps', async () => {
    await pglite.query('insert into notes values ($1, $2, $3)', [1, '2026-11-18T10:00:00Z', '{"a":1}']);
    const parsed = await pglite.query<{ at: Date; body: unknown }>('select at, body from notes');
    expect(parsed.rows[0]!.at).toBeInstanceOf(Date);
    expect(parsed.rows[0]!.body).toEqual({ a: 1 });
    // drizzle keeps timestamps as text with a parser that returns its input; that rule crosses the thread.
    const kept = await pglite.query<[string]>('select at from notes', [], {
      rowMode: 'array',
      parsers: { 1184: (value) => value },
    });
    expect(typeof kept.rows[0]![0]).toBe('string');
    await expect(
      pglite.query('select 1', [], { parsers: { 23: (value) => Number(value) * 2 } }),
    ).rejects.toThrow(/only text-keeping parsers/);
  });

  it('parses every value exactly as PGlite itself would, with or without kept types, in every path', async () => {
    const reference = await PGlite.create();
    try {
      // Scalars and arrays of what pg-boss and drizzle read, nulls, and a repeated column name (the last wins).
      const select =
        "select $1::int as n, 9007199254740993::int8 as big, 12::int8 as small, true as ok, 1.50::numeric as price, " +
        "'{\"a\":[1]}'::jsonb as body, '2026-11-18 10:00:00.123456+00'::timestamptz as at, '2026-11-18'::date as day, " +
        "'1 day'::interval as span, array['x', null, 'y \"z\"'] as texts, array[1, 2] as ints, " +
        "array['2026-11-18T10:00:00Z'::timestamptz] as ats, gen_random_uuid() is not null as id, null::text as nothing, 'first' as twice, 2 as twice";
      const kept = { 1114: (v: string) => v, 1184: (v: string) => v, 1082: (v: string) => v, 1185: (v: string) => v };
      const cases = [undefined, { rowMode: 'array' as const }, { parsers: kept }, { rowMode: 'array' as const, parsers: kept }];
      for (const options of cases) {
        const expected = await reference.query(select, [7], options);
        // Twice: the second time the thread runs it as a prepared statement.
        for (let time = 0; time < 2; time++)
          expect((await pglite.query(select, [7], options)).rows).toEqual(expected.rows);
        expect((await pglite.exec(select.replace('$1', '7'), options))[0]!.rows).toEqual(
          (await reference.exec(select.replace('$1', '7'), options))[0]!.rows,
        );
        await pglite.transaction(async (tx) => {
          expect((await tx.query(select, [7], options)).rows).toEqual(expected.rows);
        });
      }
    } finally {
      await reference.close();
    }
  });

  it('keeps PostgreSQL’s error fields, which callers read (a unique violation is 23505)', async () => {
    const failed = await pglite
      .query('insert into notes values (1, null, null)')
      .catch((error: unknown) => error);
    expect(failed).toMatchObject({ code: '23505', constraint: 'notes_pkey' });
  });

  it('commits a transaction that ends well and rolls back one that throws', async () => {
    await pglite.transaction(async (tx) => {
      await tx.query('insert into notes values (2, null, null)');
    });
    await expect(
      pglite.transaction(async (tx) => {
        await tx.query('insert into notes values (3, null, null)');
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    const ids = await pglite.query<{ id: number }>('select id from notes order by id');
    expect(ids.rows.map((row) => row.id)).toEqual([1, 2]);
  });

  it('delivers notifications to listeners (pg-boss wakes its workers with them)', async () => {
    const heard: string[] = [];
    const unlisten = await pglite.listen('wake', (payload) => heard.push(payload));
    await pglite.query("select pg_notify('wake', 'import.item')");
    await expect.poll(() => heard).toEqual(['import.item']);
    await unlisten();
    await pglite.query("select pg_notify('wake', 'again')");
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(heard).toEqual(['import.item']);
  });

  it('runs a statement seen before as a prepared one, with every value exactly as sent', async () => {
    const insert = 'insert into notes values ($1, $2, $3) returning id, at, body';
    const values: Array<[number, string | null, string | null]> = [
      [10, null, '{"quote":"it\'s","slash":"a\\\\b"}'],
      [11, '2026-11-30T08:00:00Z', `{"text":"E'\\\\' OR 1=1; --"}`],
      [12, '2026-11-30 09:00:00+01', null],
    ];
    const rows = [];
    for (const row of values) rows.push((await pglite.query(insert, row)).rows[0]);
    expect(rows).toEqual([
      { id: 10, at: null, body: { quote: "it's", slash: 'a\\b' } },
      { id: 11, at: new Date('2026-11-30T08:00:00Z'), body: { text: "E'\\' OR 1=1; --" } },
      { id: 12, at: new Date('2026-11-30T08:00:00Z'), body: null },
    ]);
    const prepared = await pglite.query<{ statement: string }>(
      'select statement from pg_prepared_statements',
    );
    expect(prepared.rows.map((row) => row.statement)).toContainEqual(expect.stringContaining(insert));
    // Big integers and numbers go as their text, as PGlite sends them.
    const sum = 'select $1::bigint + $2::numeric as total';
    for (let run = 0; run < 3; run++)
      expect((await pglite.query(sum, [9007199254740993n, 0.5])).rows[0]).toEqual({
        total: '9007199254740993.5',
      });
  });

  it('names the statement the caller ran in an error of a prepared one, and keeps its fields', async () => {
    const insert = 'insert into notes values ($1, null, null)';
    await pglite.query(insert, [20]);
    await pglite.query(insert, [21]);
    const failed = await pglite.query(insert, [20]).catch((error: unknown) => error);
    expect(failed).toMatchObject({ code: '23505', constraint: 'notes_pkey', query: insert });
  });

  it('follows a table that changed under a prepared statement, and runs what cannot be prepared as before', async () => {
    await pglite.exec('create table shapes (id int)');
    const all = 'select * from shapes where id = $1';
    await pglite.query('insert into shapes values ($1)', [1]);
    for (let run = 0; run < 2; run++) expect((await pglite.query(all, [1])).rows).toEqual([{ id: 1 }]);
    await pglite.exec('alter table shapes add column name text');
    expect((await pglite.query(all, [1])).rows).toEqual([{ id: 1, name: null }]);
    const show = 'show timezone';
    for (let run = 0; run < 3; run++) expect((await pglite.query(show)).rows).toHaveLength(1);
  });

  it('tells its listeners when the thread dies under it, and fails every later statement; not when closed', async () => {
    const doomed = await PgliteThread.open(undefined, PGLITE_START_PARAMS);
    const deaths: Error[] = [];
    doomed.onDeath((error) => deaths.push(error));
    await doomed.query("select 'alive'");
    // What a WASM abort does to the thread.
    await doomed.crash(3).catch(() => undefined);
    await expect.poll(() => deaths.map((error) => error.message)).toEqual(['the PGlite thread exited (3)']);
    await expect(doomed.query('select 1')).rejects.toThrow('PGlite is closed');

    const closed = await PgliteThread.open(undefined, PGLITE_START_PARAMS);
    const none: Error[] = [];
    closed.onDeath((error) => none.push(error));
    await closed.close();
    expect(none).toEqual([]);
  });

  it('keeps at most a hundred statements prepared, letting the least recently used go', async () => {
    for (let round = 0; round < 2; round++)
      for (let n = 0; n < 120; n++)
        expect((await pglite.query(`select $1::int + ${n} as total`, [1])).rows).toEqual([{ total: n + 1 }]);
    const prepared = await pglite.query<{ count: number }>(
      'select count(*)::int as count from pg_prepared_statements',
    );
    expect(prepared.rows[0]!.count).toBeLessThanOrEqual(100);
    expect(prepared.rows[0]!.count).toBeGreaterThan(50);
  });
});
