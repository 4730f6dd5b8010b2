import { describe, expect, it } from 'vitest';
import { YukiFaultError } from '../yuki/errors.ts';
import { errorColumns, redactSecrets } from './record.ts';

describe('error details (issue 10.9)', () => {
  it('keeps Yuki’s own words with the error, and the cause of an unexpected one', () => {
    const yuki = errorColumns(
      new YukiFaultError({ code: 'soap:Client', message: 'Invalid folder 9.', detail: '' }),
    );
    expect(yuki).toMatchObject({ errorCode: 'yuki.fault', errorDetail: 'Invalid folder 9.' });
    const internal = errorColumns(new Error('boom', { cause: new Error('socket hang up') }));
    expect(internal.errorNl).toContain('De beheerder kan het logboek bekijken');
    expect(internal.errorDetail).toBe('boom — socket hang up');
  });

  it('never keeps a secret a message quotes', () => {
    expect(redactSecrets('GET /v2 failed: Authorization: Bearer eyJhbGciOi.x.y')).toBe(
      'GET /v2 failed: Authorization: Bearer [redacted]',
    );
    expect(redactSecrets('<accessKey>5e1d0c3b-2a19</accessKey> password=geheim client_secret: "abc"')).toBe(
      '<accessKey>[redacted]</accessKey> password=[redacted] client_secret: "[redacted]"',
    );
  });
});
