/**
 * @module test-loket-refresher
 * A process that holds one domain's Loket session the way a worker or the web process does: it opens
 * the session (reading the stored tokens), says "ready", and on a line on stdin makes a Loket call,
 * which refreshes the expired token; it prints the outcome as JSON. For the cross-process refresh test.
 */
import { createInterface } from 'node:readline';
import { isAppError } from '../../src/core/errors.ts';
import { listEmployers } from '../../src/loket/employers.ts';
import { loadConfig } from '../../src/platform/config.ts';
import { createSecretBox } from '../../src/secrets/secret-box.ts';
import { openDatabase } from '../../src/store/database.ts';
import { openLoketSession } from '../../src/tenancy/loket-session.ts';

const need = (name: string): string => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
};

const database = await openDatabase({
  databaseUrl: need('DATABASE_URL'),
  dataDir: 'memory://',
  migrate: false,
});
const deps = {
  db: database.db,
  secrets: createSecretBox(database.db, { current: Buffer.from(need('APP_MASTER_KEY'), 'base64') }),
  config: loadConfig(process.env, 'production'),
};
const { connection } = await openLoketSession(deps, {
  portalId: need('PORTAL_ID'),
  domainId: need('DOMAIN_ID'),
});
console.log('ready');
const lines = createInterface({ input: process.stdin });
for await (const line of lines) {
  if (line !== 'go') continue;
  let outcome: { ok: true; employers: number } | { ok: false; code: string };
  try {
    let employers = 0;
    for await (const _ of listEmployers(connection)) employers += 1;
    outcome = { ok: true, employers };
  } catch (error) {
    outcome = { ok: false, code: isAppError(error) ? error.code : String(error) };
  }
  console.log(`outcome ${JSON.stringify(outcome)}`);
  break;
}
lines.close();
await database.close();
