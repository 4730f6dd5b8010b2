/**
 * @module changed-by
 * Kept only for the tenancy commands not yet moved to src/app: who makes a change lives in app/command.ts.
 */
export { auditActor, type ChangedBy } from '../app/command.ts';
