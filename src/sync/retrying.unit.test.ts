/**
 * @module retrying.unit.test
 * The list of retried codes is the set of AppErrors built `retryable: true`: a new retryable error that
 * is not listed would show its items as failed (and the run as finished) while the queue retries them.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { importItemQueue } from '../jobs/import-queues.ts';
import { ITEM_ATTEMPTS, RETRYABLE_ITEM_CODES } from './retrying.ts';

const SRC = fileURLToPath(new URL('..', import.meta.url));

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

describe('retried item codes', () => {
  it('lists exactly the codes of the error classes built retryable', () => {
    const retryable = new Set<string>();
    for (const file of sources(SRC)) {
      // One error class: its super call (or its fixedAppError base) up to the end of the class body.
      const code = readFileSync(file, 'utf8');
      const classes = [
        ...code.matchAll(/super\(\s*'([a-z_.]+)'([\s\S]*?)\n}\n/g),
        ...code.matchAll(/fixedAppError\(\s*'([a-z_.]+)'([\s\S]*?)\n\}?\) \{/g),
      ];
      for (const match of classes) {
        if (match[2]?.includes('retryable: true')) retryable.add(match[1] ?? '');
      }
    }
    expect([...retryable].sort()).toEqual([...RETRYABLE_ITEM_CODES].sort());
  });

  it('counts the attempts the item queue makes', () => {
    expect(importItemQueue.policy.retryLimit + 1).toBe(ITEM_ATTEMPTS);
  });
});
