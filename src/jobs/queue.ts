/**
 * @module queue
 * A queue is a name, a zod schema for its payload and its retry policy. Payloads are parsed on the way
 * in and on the way out, so a job never runs on data its handler does not expect.
 */
import type { z } from 'zod';

export type QueuePolicy = {
  /** Attempts after the first one, for transient failures. */
  retryLimit: number;
  retryDelaySeconds: number;
  retryBackoff: boolean;
  /** A job still running after this long is considered lost and retried. */
  expireInSeconds: number;
  /** A running job's worker must heartbeat within this (pg-boss sends it); a dead one's job is retried. */
  heartbeatSeconds?: number;
  /** Wake idle workers the moment a job is sent (LISTEN/NOTIFY) instead of at their next poll. */
  notify?: boolean;
};

export type QueueDefinition<Payload> = {
  name: string;
  payload: z.ZodType<Payload>;
  policy: QueuePolicy;
};

const DEFAULT_POLICY: QueuePolicy = {
  retryLimit: 5,
  retryDelaySeconds: 30,
  retryBackoff: true,
  expireInSeconds: 15 * 60,
};

export function defineQueue<Payload>(definition: {
  name: string;
  payload: z.ZodType<Payload>;
  policy?: Partial<QueuePolicy>;
}): QueueDefinition<Payload> {
  return { ...definition, policy: { ...DEFAULT_POLICY, ...definition.policy } };
}
