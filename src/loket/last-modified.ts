/**
 * @module loket/last-modified
 * GET /providers/employers/lastmodifiedversionnumbers [GetEmployerLastModifiedVersionNumbersByUser]:
 * per employer `id` (uuid) and `lastModifiedVersionNumber` (int64, never decreasing), paged like every
 * list. The spec says the number covers static employment data only and "excludes payroll period data",
 * so an approved payroll run does not move it: the freshness poll does not use it to find approvals.
 */
import { z } from 'zod';
import { guidSchema } from '../core/guid.ts';
import type { LoketConnection } from './connection.ts';

/** int64: above 2^53 JSON numbers lose precision, so no `.int()` (zod's int is the safe range only). */
export const employerVersionSchema = z.object({
  id: guidSchema,
  lastModifiedVersionNumber: z.number().nonnegative(),
});
export type LoketEmployerVersion = z.output<typeof employerVersionSchema>;

/** The employers whose number is above `after` (Loket's recommended `filter=lastModifiedVersionNumber gt N`). */
export function listEmployerVersions(
  connection: LoketConnection,
  options: { after?: number } = {},
): AsyncGenerator<LoketEmployerVersion> {
  return connection.list('/providers/employers/lastmodifiedversionnumbers', employerVersionSchema, {
    activity: 'GetEmployerLastModifiedVersionNumbersByUser',
    subject: 'de wijzigingsnummers van de werkgevers',
    ...(options.after === undefined
      ? {}
      : { query: { filter: `lastModifiedVersionNumber gt ${options.after}` } }),
  });
}
