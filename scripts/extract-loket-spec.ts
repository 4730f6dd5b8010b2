/**
 * @module extract-loket-spec
 * Copies the few operations of the official Loket OpenAPI spec (6 MB) that loket-yuki uses into a small
 * committed file, so that contract tests run from a fresh clone without ../shared.
 * Usage: npx tsx scripts/extract-loket-spec.ts [path/to/loket-openapi.json]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { format, resolveConfig } from 'prettier';

/** Every path and method the client calls, with the statuses whose bodies we check. */
const OPERATIONS: ReadonlyArray<[method: string, path: string]> = [
  ['get', '/providers'],
  ['get', '/providers/employers'],
  ['get', '/providers/{providerId}/payrollprocessstatus'],
  ['get', '/providers/employers/lastmodifiedversionnumbers'],
  ['get', '/providers/employers/{employerId}/authorizations'],
  ['get', '/providers/employers/{employerId}/payrolladministrations'],
  ['get', '/providers/employers/{employerId}/employees/employments'],
  ['get', '/providers/employers/payrolladministrations/{payrollAdministrationId}/payrollperiods'],
  ['get', '/providers/employers/payrolladministrations/{payrollAdministrationId}/payrollruns'],
  ['get', '/providers/employers/payrolladministrations/payrollruns/{payrollrunId}'],
  ['get', '/providers/employers/payrolladministrations/payrollruns/{payrollrunId}/results'],
  ['get', '/providers/employers/employees/employments/{employmentId}/payslips'],
  ['get', '/providers/employers/employees/employments/{employmentId}/payslips/{payrollrunId}'],
  ['get', '/providers/employers/payrolladministrations/{payrollAdministrationId}/journalruns'],
  ['get', '/providers/employers/payrolladministrations/journalruns/{journalrunId}'],
  ['patch', '/providers/employers/payrolladministrations/journalruns/{journalrunId}'],
  ['get', '/providers/employers/payrolladministrations/journalruns/{journalrunId}/results'],
  ['get', '/providers/employers/payrolladministrations/{payrollAdministrationId}/payrolltaxreturns'],
  ['get', '/providers/employers/payrolladministrations/payrolltaxreturns/{payrolltaxreturnId}'],
  ['get', '/providers/employers/payrolladministrations/payrolltaxreturns/{payrolltaxreturnId}/overview'],
];

/** The statuses the client handles; 500 has no body in the spec and parameters are not validated. */
const USED_STATUSES = new Set(['200', '400', '401', '403', '404', '409']);

/** Prose that only bloats the subset; property names that happen to be called so are kept. */
const DROPPED_KEYWORDS = new Set(['description', 'example', 'examples', 'externalDocs']);

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function stripProse(node: Json, keyIsPropertyName = false): Json {
  if (Array.isArray(node)) return node.map((item) => stripProse(item));
  if (node === null || typeof node !== 'object') return node;
  const out: Record<string, Json> = {};
  for (const [key, value] of Object.entries(node)) {
    if (!keyIsPropertyName && DROPPED_KEYWORDS.has(key)) continue;
    out[key] = stripProse(value, !keyIsPropertyName && key === 'properties');
  }
  return out;
}

function extract(specPath: string): Json {
  const spec = JSON.parse(readFileSync(specPath, 'utf8')) as {
    openapi: string;
    servers: Json;
    info: { title: string; version: string };
    paths: Record<string, Record<string, Record<string, Json>>>;
  };
  const paths: Record<string, Record<string, Json>> = {};
  for (const [method, path] of OPERATIONS) {
    const operation = spec.paths[path]?.[method];
    if (!operation) throw new Error(`the official spec has no ${method.toUpperCase()} ${path}`);
    // The spec inlines every schema (no $ref), so copying an operation copies everything it needs.
    if (JSON.stringify(operation).includes('"$ref"')) throw new Error(`${path} uses $ref; resolve it here`);
    const { operationId, requestBody, responses } = operation;
    const used = Object.fromEntries(
      Object.entries(responses as Record<string, Json>).filter(([status]) => USED_STATUSES.has(status)),
    );
    paths[path] ??= {};
    paths[path][method] = stripProse({ operationId, requestBody, responses: used } as Json);
  }
  return {
    openapi: spec.openapi,
    info: { title: `${spec.info.title} (subset used by loket-yuki)`, version: spec.info.version },
    servers: spec.servers,
    paths,
  };
}

const source = resolve(process.argv[2] ?? '../shared/reference/loket-openapi.json');
const target = resolve(import.meta.dirname, '../sandbox/loket/spec/loket-openapi-subset.json');
// Formatted as the repository's prettier would, so regenerating gives no spurious diff.
const options = { ...(await resolveConfig(target)), parser: 'json' };
writeFileSync(target, await format(JSON.stringify(extract(source)), options));
console.log(`wrote ${target}`);
