/**
 * @module failure-digest-queue
 * The `import.digest` queue, hourly: sends each domain's daily digest of failed imports once it is due.
 */
import { z } from 'zod';
import { defineQueue } from './queue.ts';

export const failureDigestQueue = defineQueue({
  name: 'import.digest',
  payload: z.object({}),
  policy: { retryLimit: 2, retryDelaySeconds: 300, expireInSeconds: 600 },
});

export const FAILURE_DIGEST_CRON = '45 * * * *';
