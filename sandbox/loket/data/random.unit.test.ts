import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { uuidFrom } from './random.ts';

describe('uuidFrom', () => {
  const ids = Array.from({ length: 300 }, (_, index) => uuidFrom('seed', index));

  it('is deterministic and lower-case, dashed hex', () => {
    expect(uuidFrom('seed', 7)).toBe(ids[7]);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
  });

  it('never makes an RFC 4122 id, so a client that insists on one fails at once', () => {
    expect(ids.filter((id) => z.uuid().safeParse(id).success)).toEqual([]);
  });

  it('makes all three kinds: version 0, variant c/e, SQL Server sequential', () => {
    expect(ids.some((id) => id[14] === '0')).toBe(true);
    expect(ids.some((id) => id[14] === '4' && 'ce'.includes(id[19] ?? ''))).toBe(true);
    expect(ids.some((id) => /^e.11$/.test(id.slice(14, 18)))).toBe(true);
  });
});
