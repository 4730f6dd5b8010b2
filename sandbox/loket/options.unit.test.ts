import { describe, expect, it } from 'vitest';
import { loketSandboxOptionsSchema } from './options.ts';

describe('sandbox options', () => {
  it('fills Loket’s defaults', () => {
    expect(loketSandboxOptionsSchema.parse({})).toMatchObject({
      port: 0,
      seed: 1,
      months: 3,
      tokenTtlSeconds: 3599,
      faults: {
        latencyMs: 0,
        serverErrorRate: 0,
        rateLimitRate: 0,
        earlyTokenExpiry: false,
        truncateRate: 0,
      },
    });
  });

  it('reads command-line strings, booleans included', () => {
    const parsed = loketSandboxOptionsSchema.parse({
      port: '4010',
      seed: '7',
      employeesPerAdministration: '5000',
      faults: { earlyTokenExpiry: 'false', serverErrorRate: '0.25' },
    });
    expect(parsed).toMatchObject({ port: 4010, seed: 7, employeesPerAdministration: 5000 });
    expect(parsed.faults).toMatchObject({ earlyTokenExpiry: false, serverErrorRate: 0.25 });
  });

  it('refuses impossible values', () => {
    expect(() => loketSandboxOptionsSchema.parse({ port: 70000 })).toThrow();
    expect(() => loketSandboxOptionsSchema.parse({ faults: { serverErrorRate: 2 } })).toThrow();
    expect(() => loketSandboxOptionsSchema.parse({ today: '28-11-2026' })).toThrow();
  });
});
