/**
 * @module readiness
 * Whether this process can serve: the database and the job engine each answer, or the reason they do not.
 */
import { pingDatabase, type Database } from '../store/database.ts';
import type { JobEngine } from '../jobs/engine.ts';

export type Readiness = { ready: boolean; checks: { database: string; jobs: string } };

/** Both are asked every time; a failure's message is the reason shown on /readyz. */
export async function checkReadiness(db: Database, jobs: Pick<JobEngine, 'ping'>): Promise<Readiness> {
  const checks = { database: await check(() => pingDatabase(db)), jobs: await check(() => jobs.ping()) };
  return { ready: checks.database === 'ok' && checks.jobs === 'ok', checks };
}

async function check(probe: () => Promise<void>): Promise<string> {
  try {
    await probe();
    return 'ok';
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}
