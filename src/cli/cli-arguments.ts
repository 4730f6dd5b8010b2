/**
 * @module cli/cli-arguments
 * Parsers for the CLI's arguments, validated at the edge so a typo is a readable usage error and not a
 * database error later on.
 */
import { InvalidArgumentError } from 'commander';
import { z } from 'zod';
import { parsePeriodKey } from '../core/periods.ts';

export function parseId(value: string): string {
  if (!z.uuid().safeParse(value).success) throw new InvalidArgumentError('must be an id (a UUID).');
  return value;
}

/** "2026-10" → 202610. */
export function parsePeriod(value: string): number {
  const id = parsePeriodKey(value);
  if (id === null) throw new InvalidArgumentError('must be a period such as 2026-10 (or 2026-13).');
  return id;
}

/** Why these commands may find the data directory locked. */
export const EMBEDDED_NOTE = `
On embedded PGlite (no DATABASE_URL) a running loket-yuki service holds the data directory: stop the
service first, or run this against PostgreSQL, where it works beside running services.`;
