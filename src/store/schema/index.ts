/** @module schema — every table of loket-yuki, one file per capability. */
export * from './system.ts';
export * from './tenancy.ts';
export * from './audit.ts';
export * from './imports.ts';
export * from './loket.ts';
export * from './freshness.ts';
