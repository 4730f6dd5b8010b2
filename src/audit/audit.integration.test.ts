import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../test/support/database.ts';
import type { DatabaseHandle } from '../store/database.ts';
import { auditEvents, portals } from '../store/schema/index.ts';
import { changedFields, recordAudit } from './record-audit.ts';
import { readAudit } from './read-audit.ts';

describe('audit log', () => {
  let database: DatabaseHandle;
  let portalId: string;
  beforeAll(async () => {
    database = await openTestDatabase();
    const [portal] = await database.db.insert(portals).values({ name: 'Kantoor' }).returning();
    portalId = portal!.id;
  });
  afterAll(() => database.close());

  it('appends events and reads them per portal, newest first', async () => {
    await recordAudit(database.db, { actorLabel: 'a@kantoor.nl', portalId, action: 'first' });
    await recordAudit(database.db, {
      actorLabel: 'a@kantoor.nl',
      portalId,
      action: 'second',
      changedFields: ['name'],
    });
    await recordAudit(database.db, { actorLabel: 'b@ander.nl', portalId: null, action: 'elsewhere' });
    const events = await readAudit(database.db, { portalId });
    expect(events.map((event) => event.action)).toEqual(['second', 'first']);
    expect(events[0]?.changedFields).toEqual(['name']);
  });

  it('refuses to change or delete history', async () => {
    await expect(database.db.execute(sql`update ${auditEvents} set action = 'forged'`)).rejects.toThrow();
    await expect(database.db.delete(auditEvents)).rejects.toThrow();
    expect((await readAudit(database.db, { portalId })).length).toBe(2);
  });

  it('names changed fields without their values', () => {
    expect(
      changedFields(
        { name: 'Oud', secret: 'x', lookback: 2 },
        { name: 'Nieuw', secret: 'y', lookback: 2, other: undefined },
      ),
    ).toEqual(['name', 'secret']);
  });
});
