import { describe, expect, it } from 'vitest';
import {
  errorFromFault,
  refusedOutright,
  YukiAccessDeniedError,
  YukiAdministrationNotFoundError,
  YukiDailyLimitError,
  YukiFaultError,
  YukiInvalidAccessKeyError,
  YukiJournalRejectedError,
  YukiSessionError,
  YukiUnknownGlAccountError,
} from './errors.ts';

const fault = (message: string, code = 'soap:Client', detail = '') => ({ code, message, detail });
const DOMAIN = '6f1c2a10-4b7e-4d0a-9a51-0c1d2e3f4a01';

describe('errorFromFault', () => {
  it('maps the faults Yuki is known to send', () => {
    expect(errorFromFault(fault('Invalid access key'), 'Authenticate', null)).toBeInstanceOf(
      YukiInvalidAccessKeyError,
    );
    expect(errorFromFault(fault('Invalid session ID'), 'Domains', null)).toBeInstanceOf(YukiSessionError);
    const limit = errorFromFault(
      fault('Daily limit exceeded', 'soap:Client', 'Every domain has 1000 free webservice calls a day.'),
      'Administrations',
      DOMAIN,
    );
    expect(limit).toBeInstanceOf(YukiDailyLimitError);
    expect(limit).toMatchObject({
      retryable: true,
      domainId: DOMAIN,
      detail: 'Daily limit exceeded — Every domain has 1000 free webservice calls a day.',
    });
    expect(errorFromFault(fault('Administration not found'), 'ProcessJournal', DOMAIN)).toBeInstanceOf(
      YukiAdministrationNotFoundError,
    );
    expect(
      errorFromFault(fault('Access denied: no rights for Archive'), 'UploadDocument', DOMAIN),
    ).toBeInstanceOf(YukiAccessDeniedError);
  });

  it('names the GL account, for missing and disabled accounts', () => {
    const missing = errorFromFault(
      fault('GL account 99999 does not exist in administration X.'),
      'ProcessJournal',
      DOMAIN,
    );
    expect(missing).toBeInstanceOf(YukiUnknownGlAccountError);
    expect(missing).toMatchObject({ glAccount: '99999', retryable: false });
    expect((missing as YukiUnknownGlAccountError).text.nl).toContain('Grootboekrekening 99999');
    expect(
      errorFromFault(fault('GL account 40999 is not enabled in administration X.'), 'ProcessJournal', DOMAIN),
    ).toMatchObject({
      glAccount: '40999',
    });
  });

  it('keeps Yuki’s text when it rejects a journal', () => {
    const error = errorFromFault(
      fault('Journal is not balanced: the entries total 0.01, they must total 0.00.'),
      'ProcessJournal',
      DOMAIN,
    );
    expect(error).toBeInstanceOf(YukiJournalRejectedError);
    expect(error.text.en).toBe(
      'Yuki rejected the journal entry: Journal is not balanced: the entries total 0.01, they must total 0.00.',
    );
    expect(error.retryable).toBe(false);
  });

  it('treats every fault it does not recognise as uncertain: retried, never a refusal (issue 10.5)', () => {
    const server = errorFromFault(
      fault('Server was unable to process request. ---> boom', 'soap:Server'),
      'Domains',
      null,
    );
    expect(server).toBeInstanceOf(YukiFaultError);
    expect(server.retryable).toBe(true);
    const unknownClient = errorFromFault(fault('Invalid folder 9.'), 'UploadDocument', DOMAIN);
    expect(unknownClient.retryable).toBe(true);
    expect(refusedOutright(unknownClient)).toBe(false);
    const unknownJournal = errorFromFault(
      fault('Object reference not set to an instance.'),
      'ProcessJournal',
      DOMAIN,
    );
    expect(unknownJournal).toBeInstanceOf(YukiFaultError);
    expect(unknownJournal.retryable).toBe(true);
    expect(refusedOutright(unknownJournal)).toBe(false);
    expect(refusedOutright(errorFromFault(fault('Journal is not balanced.'), 'ProcessJournal', DOMAIN))).toBe(
      true,
    );
    expect(refusedOutright(errorFromFault(fault('Access denied: no rights'), 'UploadDocument', DOMAIN))).toBe(
      true,
    );
    expect(
      refusedOutright(
        errorFromFault(fault('Maximum request length exceeded.', 'soap:Server'), 'UploadDocument', DOMAIN),
      ),
    ).toBe(true);
    expect(
      errorFromFault(fault('Maximum request length exceeded.', 'soap:Server'), 'UploadDocument', DOMAIN)
        .retryable,
    ).toBe(false);
  });
});
