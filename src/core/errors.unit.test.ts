import { describe, expect, it } from 'vitest';
import { AppError, fixedAppError } from './errors.ts';

class SampleDownError extends fixedAppError(
  'sample.down',
  { nl: 'Tijdelijk weg.', en: 'Away for now.' },
  { retryable: true },
) {}

describe('fixedAppError', () => {
  it('gives each subclass its own name, code and texts, as an AppError', () => {
    const error = new SampleDownError({ detail: 'raw' });
    expect(error).toBeInstanceOf(AppError);
    expect(error).toBeInstanceOf(SampleDownError);
    expect([error.name, error.code, error.text.nl, error.detail, error.message]).toEqual([
      'SampleDownError',
      'sample.down',
      'Tijdelijk weg.',
      'raw',
      'sample.down: Away for now.',
    ]);
  });

  it('lets the thrower override the defaults', () => {
    expect(new SampleDownError().retryable).toBe(true);
    expect(new SampleDownError({ retryable: false }).retryable).toBe(false);
  });
});
