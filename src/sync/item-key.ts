/**
 * @module sync/item-key
 * The deterministic key of an import item (docs/ARCHITECTURE.md, "Exactly once, as implemented") and
 * the marker derived from it. The marker goes into the Yuki subject and remarks, so after a crash Yuki
 * can be searched for it.
 */
import { createHash } from 'node:crypto';
import type { ImportKind } from '../store/schema/imports.ts';

export type ItemIdentity = {
  administrationId: string;
  kind: ImportKind;
  /** The Loket object: a journal run id, a tax return id, or `<payroll run id>/<employment id>`. */
  loketObjectId: string;
  /** Changes when Loket's object would need a new document (its sequence number). */
  version: string;
};

export function itemKey(identity: ItemIdentity): string {
  return [identity.administrationId, identity.kind, identity.loketObjectId, identity.version].join('|');
}

/** 12 hex characters of SHA-256: short enough for a subject, unique enough across all items. */
export function itemMarker(key: string): string {
  return createHash('sha256').update(key).digest('hex').slice(0, 12);
}

/** The text embedded in Yuki: `[lky:<marker>]`. */
export function markerTag(marker: string): string {
  return `[lky:${marker}]`;
}
