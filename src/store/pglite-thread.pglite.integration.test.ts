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
});
