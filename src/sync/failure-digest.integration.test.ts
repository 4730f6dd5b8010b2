import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../test/support/database.ts';
import { testLogger } from '../../test/support/logger.ts';
import { startTestSmtpServer, type TestSmtpServer } from '../../test/support/smtp.ts';
import { createTenants, type Tenants } from '../../test/support/tenants.ts';
import type { DatabaseHandle } from '../store/database.ts';
import { importItems } from '../store/schema/index.ts';
import { createMailer, type Mailer } from '../mail/mailer.ts';
import { sendFailureDigests } from './failure-digest.ts';

describe('failure digest', () => {
  let database: DatabaseHandle;
  let smtp: TestSmtpServer;
  let mailer: Mailer;
  let tenants: Tenants;
  const now = new Date('2026-11-28T09:45:00Z');

  beforeAll(async () => {
    database = await openTestDatabase();
    smtp = await startTestSmtpServer();
    mailer = createMailer({ smtpUrl: smtp.url, from: 'loket-yuki@localhost', logger: testLogger });
    tenants = await createTenants(database.db);
    await database.db.insert(importItems).values({
      key: 'digest-test-1',
      marker: '[lky:000000000001]',
      administrationId: tenants.a.standardId,
      kind: 'journal',
      loketObjectId: 'journal-run-1',
      version: '1',
      periodId: 202610,
      periodEndDate: '2026-10-31',
      state: 'failed',
      subject: 'Loonjournaal oktober 2026',
      errorCode: 'sync.unusable_gl_accounts',
      errorNl:
        'Grootboekrekening 40999 is uitgeschakeld in Yuki. Zet haar aan of koppel een andere rekening.',
      errorEn: 'GL account 40999 is disabled in Yuki. Enable it or map another account.',
      updatedAt: new Date(now.getTime() - 3_600_000),
    });
  });

  afterAll(async () => {
    mailer?.close();
    await smtp?.close();
    await database?.close();
  });

  it("mails the domain's backoffice once a day with every failure and what to do", async () => {
    const deps = { db: database.db, mailer, publicUrl: 'http://localhost:3000' };
    expect(await sendFailureDigests(deps, now)).toBe(1);
    const [mail] = await smtp.waitForMails(1);
    expect(mail!.to).toEqual([tenants.emails.backoffice]);
    expect(mail!.subject).toContain('1 mislukte import');
    expect(mail!.text).toContain('Grootboekrekening 40999 is uitgeschakeld');
    expect(mail!.text).toContain(`/administrations/${tenants.a.standardId}/loket`);

    expect(await sendFailureDigests(deps, new Date(now.getTime() + 3_600_000))).toBe(0);
    expect(smtp.mails).toHaveLength(1);
    // A new Yuki day (Amsterdam midnight has passed): a failure of the last 24 hours is reported again.
    expect(await sendFailureDigests(deps, new Date(now.getTime() + 20 * 3_600_000))).toBe(1);
    await smtp.waitForMails(2);
  });
});
