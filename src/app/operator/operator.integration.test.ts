/**
 * The operator's contract-line decisions against a real database: the status change and its audit row
 * together, the requester's mail only after the commit, and a decision on a line that is not open
 * refused with nothing changed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { contractLines } from '../../store/schema/index.ts';
import { openAppFixture, type AppFixture } from '../../../test/support/app-fixture.ts';
import { decideContractLine, LINE_NOT_OPEN } from './decide-contract-line.ts';
import { listContractLines } from './contract-lines.ts';

describe('operator commands', () => {
  let app: AppFixture;
  let lineId: string;
  beforeAll(async () => {
    app = await openAppFixture();
    const requester = await app.actor('backoffice');
    const [line] = await app.db
      .insert(contractLines)
      .values({
        domainId: app.tenants.a.domainIds[1],
        administrationId: app.tenants.a.nonStandardId,
        status: 'requested',
        requestedBy: requester.userId,
      })
      .returning();
    lineId = line!.id;
  });
  afterAll(() => app?.close());

  const decide = async (decision: 'grant' | 'refuse' | 'revoke', note?: string) =>
    decideContractLine({ db: app.db, mailer: app.mailer }, await app.by('operator'), {
      lineId,
      decision,
      ...(note ? { note } : {}),
    });

  it('lists the request with its firm, domain, administration and requester', async () => {
    expect(await listContractLines(app.db)).toMatchObject([
      { id: lineId, status: 'requested', requestedBy: app.tenants.emails.backoffice, note: null },
    ]);
  });

  it('grants: the line is active, audited in its portal, and the requester is mailed', async () => {
    const line = await decide('grant', 'Akkoord');
    expect(line).toMatchObject({ id: lineId, status: 'active', note: 'Akkoord' });
    const [row] = await app.audit('contract_line.grant');
    expect(row).toMatchObject({
      portalId: app.tenants.a.portalId,
      domainId: app.tenants.a.domainIds[1],
      administrationId: app.tenants.a.nonStandardId,
      targetId: lineId,
      changedFields: ['status'],
      outcome: 'ok',
    });
    const [mail] = await app.smtp.waitForMails(1);
    expect(mail?.to).toEqual([app.tenants.emails.backoffice]);
    expect(mail?.subject).toContain('geactiveerd');
  });

  it('refuses a second grant: nothing changes, one refused row, no mail', async () => {
    await expect(decide('grant')).rejects.toBe(LINE_NOT_OPEN);
    expect((await app.db.select().from(contractLines).where(eq(contractLines.id, lineId)))[0]?.status).toBe(
      'active',
    );
    expect((await app.audit('contract_line.grant')).map((row) => row.outcome)).toEqual(['ok', 'refused']);
    expect(app.smtp.mails).toHaveLength(1);
  });

  it('revokes an active line, audited as a revocation', async () => {
    expect((await decide('revoke')).status).toBe('revoked');
    expect((await app.audit('contract_line.revoke')).map((row) => row.outcome)).toEqual(['ok']);
    await app.smtp.waitForMails(2);
  });
});
