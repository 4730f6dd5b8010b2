import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compileStrict, loketAjv, type Json } from './openapi-strict.ts';

type Spec = {
  paths: Record<
    string,
    Record<string, { responses: Record<string, { content?: Record<string, { schema: Json }> }> }>
  >;
};
const spec = JSON.parse(
  readFileSync(new URL('../../sandbox/loket/spec/loket-openapi-subset.json', import.meta.url), 'utf8'),
) as Spec;
const ajv = loketAjv();
const schemaOf = (path: string, method = 'get', version = '2018-01-01') =>
  spec.paths[path]?.[method]?.responses['200']?.content?.[`application/json;version=${version}`]?.schema ??
  {};

const journalLines = compileStrict(
  ajv,
  schemaOf('/providers/employers/payrolladministrations/journalruns/{journalrunId}/results'),
);
const line = {
  generalLedgerAccount: { key: 1, code: '40000', description: 'Brutolonen' },
  costCenter: null,
  debetAmount: 1,
  creditAmount: 0,
};

describe('strict validation against the Loket spec, so the contract tests can fail', () => {
  it('accepts what the spec describes', () => {
    expect(
      journalLines({ version: { resourceVersion: '2018-01-01', obsoleteDate: null }, _embedded: [line] }),
    ).toBe(true);
  });

  it('fails on a field the spec does not know, at any depth and in every allOf part', () => {
    expect(journalLines({ _embedded: [{ ...line, debitAmount: 1 }] })).toBe(false);
    expect(
      journalLines({ _embedded: [{ ...line, generalLedgerAccount: { key: 1, code: '4', colour: 'x' } }] }),
    ).toBe(false);
    expect(journalLines({ _embedded: [line], totalCount: 1 })).toBe(false);
    expect(journalLines({ version: { resourceVersion: '2018-01-01', retired: true }, _embedded: [] })).toBe(
      false,
    );
  });

  it('fails on a mistyped field and on a GUID outside the pattern, and accepts any hex GUID', () => {
    expect(journalLines({ _embedded: [{ ...line, debetAmount: '1.00' }] })).toBe(false);
    const run = compileStrict(
      ajv,
      schemaOf('/providers/employers/payrolladministrations/journalruns/{journalrunId}'),
    );
    expect(run({ content: { id: 'not-a-guid' } })).toBe(false);
    expect(run({ content: { id: '3f2b1c4d-9e8a-0b7c-c6d5-e4f3a2b1c0d9' } })).toBe(true);
    expect(run({ content: { id: '{3F2B1C4D-9E8A-0B7C-C6D5-E4F3A2B1C0D9}' } })).toBe(true);
    expect(run({ content: { id: '3f2b1c4d-9e8a-0b7c-c6d5-e4f3a2b1c0d' } })).toBe(false);
  });

  it('enforces `required` where a schema has it, merged across allOf parts', () => {
    const validate = compileStrict(ajv, {
      allOf: [
        { type: 'object', properties: { id: { type: 'string' } }, required: ['id'] },
        { type: 'object', properties: { name: { type: 'string', nullable: true } } },
      ],
    });
    expect(validate({ id: 'a', name: null })).toBe(true);
    expect(validate({ name: 'x' })).toBe(false);
    expect(validate({ id: 'a', other: 1 })).toBe(false);
  });

  it('leaves an object the spec does not describe ({type: object}) open, as the PATCH answer content', () => {
    const patch = compileStrict(
      ajv,
      schemaOf('/providers/employers/payrolladministrations/journalruns/{journalrunId}', 'patch'),
    );
    expect(patch({ content: {} })).toBe(true);
    expect(patch({ content: { anything: 1 } })).toBe(true);
    expect(patch({ content: {}, extra: 1 })).toBe(false);
  });
});
