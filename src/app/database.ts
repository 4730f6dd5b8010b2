/**
 * @module app/database
 * The database handle's type, for the callers of the application layer (http, ui) that pass it along
 * without ever querying it themselves.
 */
export type { Database } from '../store/database.ts';
