import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSmtpServer, type TestSmtpServer } from '../../test/support/smtp.ts';
import { testLogger } from '../../test/support/logger.ts';
import { createMailer } from './mailer.ts';

describe('createMailer', () => {
  let smtp: TestSmtpServer;
  beforeAll(async () => {
    smtp = await startTestSmtpServer();
  });
  afterAll(() => smtp.close());

  it('delivers over real SMTP', async () => {
    const mailer = createMailer({ smtpUrl: smtp.url, from: 'loket-yuki@example.nl', logger: testLogger });
    const result = await mailer.send({
      to: 'administratie@yuki.nl',
      subject: 'Contractregel',
      text: 'Verzoek',
    });
    mailer.close();
    expect(result.delivered).toBe(true);
    const [mail] = await smtp.waitForMails(1);
    expect(mail).toMatchObject({
      from: 'loket-yuki@example.nl',
      to: ['administratie@yuki.nl'],
      subject: 'Contractregel',
    });
    expect(mail?.raw).toContain('Verzoek');
  });

  it('says plainly that nothing was sent when SMTP is not configured', async () => {
    const mailer = createMailer({ smtpUrl: undefined, from: 'x@example.nl', logger: testLogger });
    await expect(mailer.send({ to: 'a@example.nl', subject: 's', text: 't' })).resolves.toEqual({
      delivered: false,
      reason: 'SMTP_URL is not set',
    });
  });

  it('reports an unreachable server instead of throwing', async () => {
    const mailer = createMailer({ smtpUrl: 'smtp://127.0.0.1:1', from: 'x@example.nl', logger: testLogger });
    const result = await mailer.send({ to: 'a@example.nl', subject: 's', text: 't' });
    mailer.close();
    expect(result.delivered).toBe(false);
  });
});
