/**
 * runCommand: a change and its audit row commit together or not at all; a refusal leaves no change and
 * one `refused` row; a failure after a write rolls the write back and leaves one `failed` row.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { portals } from '../store/schema/index.ts';
import { AppError } from '../core/errors.ts';
import { openAppFixture, type AppFixture } from '../../test/support/app-fixture.ts';
import { runCommand, type ChangedBy } from './command.ts';

const REFUSED = new AppError('not_today', { nl: 'Vandaag niet.', en: 'Not today.' });

describe('runCommand', () => {
  let app: AppFixture;
  let by: ChangedBy;
  let portalId: string;
  beforeAll(async () => {
    app = await openAppFixture();
    by = await app.by('portal_admin');
    portalId = app.tenants.a.portalId;
  });
  afterAll(() => app?.close());

  const portalName = async () =>
    (await app.db.select({ name: portals.name }).from(portals).where(eq(portals.id, portalId)))[0]!.name;

  /** Renames portal A in `change`, then does `after` inside the same transaction. */
  const rename = (action: string, name: string, after: () => void = () => {}) =>
    runCommand(app.db, by, {
      audit: { portalId, action, targetType: 'portal', targetId: portalId },
      change: async (tx) => {
        await tx.update(portals).set({ name }).where(eq(portals.id, portalId));
        after();
        return { name };
      },
      audited: () => ({ changedFields: ['name'] }),
    });

  it('commits the change and its audit row together, naming the actor and the request', async () => {
    await expect(rename('test.rename.ok', 'Kantoor Nieuw')).resolves.toEqual({ name: 'Kantoor Nieuw' });
    expect(await portalName()).toBe('Kantoor Nieuw');
    const [row, ...more] = await app.audit('test.rename.ok');
    expect(more).toEqual([]);
    expect(row).toMatchObject({
      actorUserId: by.actor.userId,
      actorLabel: by.actor.email,
      requestId: 'test-portal_admin',
      portalId,
      targetId: portalId,
      changedFields: ['name'],
      outcome: 'ok',
    });
  });

  it('a refusal in check changes nothing and leaves one refused row with the reason', async () => {
    const before = await portalName();
    let changed = false;
    const refused = runCommand(app.db, by, {
      audit: { portalId, action: 'test.refused.check', details: { asked: 'x' } },
      check: async () => {
        throw REFUSED;
      },
      change: async () => {
        changed = true;
      },
    });
    await expect(refused).rejects.toBe(REFUSED);
    expect(changed).toBe(false);
    expect(await portalName()).toBe(before);
    const rows = await app.audit('test.refused.check');
    expect(rows.map((row) => [row.outcome, row.details, row.changedFields])).toEqual([
      ['refused', { asked: 'x', reason: 'not_today' }, []],
    ]);
  });

  it('a refusal inside change after a write rolls the write back', async () => {
    const before = await portalName();
    await expect(
      rename('test.refused.change', 'Half Hernoemd', () => {
        throw REFUSED;
      }),
    ).rejects.toBe(REFUSED);
    expect(await portalName()).toBe(before);
    expect((await app.audit('test.refused.change')).map((row) => row.outcome)).toEqual(['refused']);
  });

  it('a failure inside change after a write rolls it back and is audited as failed', async () => {
    const before = await portalName();
    const bug = new Error('a bug after the write');
    await expect(
      rename('test.failed.change', 'Kapot', () => {
        throw bug;
      }),
    ).rejects.toBe(bug);
    expect(await portalName()).toBe(before);
    const rows = await app.audit('test.failed.change');
    expect(rows.map((row) => [row.outcome, row.details])).toEqual([['failed', {}]]);
  });

  it('keeps no change whose audit row could not be written', async () => {
    const before = await portalName();
    const broken = runCommand(app.db, by, {
      audit: { portalId, action: 'test.audit.broken' },
      change: async (tx) => {
        await tx.update(portals).set({ name: 'Zonder Spoor' }).where(eq(portals.id, portalId));
      },
      // The audit row is written in the transaction: when it cannot be made, the change goes too.
      audited: () => {
        throw new Error('the audit row cannot be made');
      },
    });
    await expect(broken).rejects.toThrow('the audit row cannot be made');
    expect(await portalName()).toBe(before);
    expect((await app.audit('test.audit.broken')).map((row) => row.outcome)).toEqual(['failed']);
  });

  it('names an anonymous caller by its label, and the user the command made them', async () => {
    const userId = by.actor.userId;
    await runCommand(
      app.db,
      { label: 'invitation', requestId: null },
      {
        audit: { action: 'test.anonymous' },
        change: async () => ({ userId }),
        audited: (result) => ({ actorUserId: result.userId }),
      },
    );
    const [row] = await app.audit('test.anonymous');
    expect(row).toMatchObject({ actorLabel: 'invitation', actorUserId: userId, outcome: 'ok' });
  });
});
