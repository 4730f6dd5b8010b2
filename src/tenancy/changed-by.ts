/**
 * @module changed-by
 * Who makes a change and in which request, so every "do + audit" function records it the same way.
 */
import type { Actor } from '../core/roles.ts';

export type ChangedBy = { actor: Actor; requestId: string | null };

export function auditActor(by: ChangedBy) {
  return { actorUserId: by.actor.userId, actorLabel: by.actor.email, requestId: by.requestId };
}
