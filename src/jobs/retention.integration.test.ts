/**
 * Retention: audit events and settled import history past their years, refusal counts and mails past
 * their days are deleted, and payroll process statuses the freshness poll has not seen for over a year;
 * everything younger, and unsettled work of any age, stays. The audit log stays append-only for everyone
 * else.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../test/support/database.ts';
import { createTenants } from '../../test/support/tenants.ts';
import type { DatabaseHandle } from '../store/database.ts';
import {
  auditEvents,
  importItems,
  importRuns,
  loketProcessStatuses,
  mailOutbox,
  refusalCounts,
} from '../store/schema/index.ts';
import { applyRetention, DEFAULT_RETENTION } from './retention.ts';

describe('retention', () => {
  let database: DatabaseHandle;
  beforeAll(async () => {
    database = await openTestDatabase();
  }, 60_000);
  afterAll(() => database.close());

  it('deletes only what is past its retention period', async () => {
    const { db } = database;
    const now = new Date('2034-06-15T12:00:00Z');
    const eightYearsAgo = new Date('2026-06-01T00:00:00Z');
    const sixYearsAgo = new Date('2028-06-01T00:00:00Z');
    const tenants = await createTenants(db);
    const administrationId = tenants.a.standardId;
    await db.insert(auditEvents).values([
      { actorLabel: 'old', action: 'x', at: eightYearsAgo },
      { actorLabel: 'young', action: 'x', at: sixYearsAgo },
    ]);
    await db.insert(importRuns).values(
      [eightYearsAgo, sixYearsAgo].map((startedAt) => ({
        administrationId,
        trigger: 'manual' as const,
        requestedLabel: startedAt.toISOString(),
        kinds: ['payslip' as const],
        fromPeriodId: 202605,
        toPeriodId: 202605,
        startedAt,
      })),
    );
    const item = (key: string, state: 'posted' | 'planned', updatedAt: Date) => ({
      key,
      marker: key,
      administrationId,
      kind: 'payslip' as const,
      loketObjectId: key,
      version: '1',
      periodId: 202605,
      periodEndDate: '2026-05-31',
      subject: key,
      state,
      yukiDocumentId: state === 'posted' ? `doc-${key}` : null,
      updatedAt,
    });
    await db
      .insert(importItems)
      .values([
        item('old-posted', 'posted', eightYearsAgo),
        item('old-planned', 'planned', eightYearsAgo),
        item('young-posted', 'posted', sixYearsAgo),
      ]);
    const day = 24 * 3600 * 1000;
    await db.insert(refusalCounts).values(
      [100, 10].map((days) => ({
        hour: new Date(now.getTime() - days * day),
        actorLabel: `${days}`,
        action: 'auth.login',
        route: 'POST /api/auth/login',
        count: 1,
        firstAt: now,
        lastAt: now,
      })),
    );
    await db.insert(mailOutbox).values(
      [100, 10].map((days) => ({
        kind: 'invitation',
        recipients: `${days}@kantoor.nl`,
        subject: 's',
        status: 'sent' as const,
        createdAt: new Date(now.getTime() - days * day),
      })),
    );
    await db.insert(loketProcessStatuses).values(
      [500, 300].map((days) => ({
        administrationId,
        payrollPeriodId: days === 500 ? 203301 : 203303,
        status: 6,
        seenAt: new Date(now.getTime() - days * day),
      })),
    );

    // Outside housekeeping the audit log refuses deletion, old rows included.
    await expect(db.delete(auditEvents)).rejects.toThrow();

    expect(await applyRetention(db, DEFAULT_RETENTION, now)).toEqual({
      auditEvents: 1,
      importRuns: 1,
      importItems: 1,
      refusalCounts: 1,
      mails: 1,
      processStatuses: 1,
    });
    expect((await db.select().from(auditEvents)).map((row) => row.actorLabel)).toContain('young');
    expect((await db.select().from(auditEvents)).map((row) => row.actorLabel)).not.toContain('old');
    expect((await db.select().from(importItems)).map((row) => row.key).sort()).toEqual([
      'old-planned',
      'young-posted',
    ]);
    expect((await db.select().from(mailOutbox)).map((row) => row.recipients)).toEqual(['10@kantoor.nl']);
    expect((await db.select().from(loketProcessStatuses)).map((row) => row.payrollPeriodId)).toEqual([
      203303,
    ]);
    expect(await applyRetention(db, DEFAULT_RETENTION, now)).toEqual({
      auditEvents: 0,
      importRuns: 0,
      importItems: 0,
      refusalCounts: 0,
      mails: 0,
      processStatuses: 0,
    });
  });
});
