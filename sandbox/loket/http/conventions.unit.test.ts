import { describe, expect, it } from 'vitest';
import { listEnvelope, resolveAccept } from './conventions.ts';

const versions = ['2018-01-01', '2019-02-11'] as const;

describe('Accept version resolution', () => {
  it('picks the newest version on or before the requested date', () => {
    expect(resolveAccept('application/json;version=2019-01-01', versions)).toEqual({
      kind: 'json',
      version: '2018-01-01',
    });
    expect(resolveAccept('application/json; version=2024-06-30', versions)).toEqual({
      kind: 'json',
      version: '2019-02-11',
    });
    expect(resolveAccept('application/json', versions)).toEqual({ kind: 'json', version: '2019-02-11' });
  });

  it('refuses a missing header, a version before the first one and PDF where none is served', () => {
    expect(resolveAccept(undefined, versions).kind).toBe('error');
    expect(resolveAccept('application/json;version=2017-12-31', versions).kind).toBe('error');
    expect(resolveAccept('application/pdf', versions).kind).toBe('error');
    expect(resolveAccept('application/pdf', versions, true)).toEqual({ kind: 'pdf' });
  });

  it('computes totalPages for the list envelope', () => {
    const envelope = listEnvelope({ items: [], totalSize: 650, pageSize: 250, pageNumber: 3 }, '2018-01-01');
    expect(envelope).toMatchObject({
      totalPages: 3,
      currentPage: 3,
      version: { resourceVersion: '2018-01-01' },
    });
  });
});
