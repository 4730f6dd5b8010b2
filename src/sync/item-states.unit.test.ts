/**
 * @module item-states.unit.test
 * The item state table is the whole machine: a move it lacks throws, every state can be reached from
 * a new row, and no code in src/ writes an import item's state except through the table's guards.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { IMPORT_ITEM_STATES, type ImportItemState } from '../store/schema/imports.ts';
import {
  canTransition,
  INITIAL_STATES,
  initialState,
  statesLeadingTo,
  transition,
  transitionFrom,
  TRANSITIONS,
} from './item-states.ts';

describe('import item states', () => {
  it.each<[ImportItemState, ImportItemState]>([
    ['posted', 'posting'],
    ['posted', 'planned'],
    ['planned', 'posted'],
    ['needs_check', 'posting'],
    ['waiting_quota', 'skipped'],
    ['skipped', 'posting'],
  ])('refuses %s → %s', (from, to) => {
    expect(canTransition(from, to)).toBe(false);
    expect(() => transition(from, to)).toThrow(`import item cannot go from ${from} to ${to}`);
  });

  it('allows the moves of the table and names both ends', () => {
    expect(transition('posting', 'posted')).toEqual({ from: 'posting', to: 'posted' });
    expect(transition('needs_check', 'planned')).toEqual({ from: 'needs_check', to: 'planned' });
    expect(transition('posting', 'posting')).toEqual({ from: 'posting', to: 'posting' });
  });

  it('refuses a move out of several states when any one of them may not make it', () => {
    expect(transitionFrom(['planned', 'failed'], 'skipped')).toEqual({
      from: ['planned', 'failed'],
      to: 'skipped',
    });
    expect(() => transitionFrom(['planned', 'needs_check'], 'skipped')).toThrow(
      'import item cannot go from needs_check to skipped',
    );
  });

  it('lets a new row start only as planned or skipped', () => {
    expect(INITIAL_STATES).toEqual(['planned', 'skipped']);
    expect(initialState('skipped')).toBe('skipped');
    expect(() => initialState('posting')).toThrow('an import item cannot start as posting');
    expect(() => initialState('posted')).toThrow();
  });

  it('has a row for every state of the schema, and only moves between them', () => {
    expect(Object.keys(TRANSITIONS).sort()).toEqual([...IMPORT_ITEM_STATES].sort());
    for (const targets of Object.values(TRANSITIONS))
      for (const target of targets) expect(IMPORT_ITEM_STATES).toContain(target);
  });

  it('reaches every state from a new row', () => {
    const reached = new Set<ImportItemState>(INITIAL_STATES);
    for (let grew = true; grew;) {
      grew = false;
      for (const from of [...reached])
        for (const to of TRANSITIONS[from])
          if (!reached.has(to)) {
            reached.add(to);
            grew = true;
          }
    }
    expect([...reached].sort()).toEqual([...IMPORT_ITEM_STATES].sort());
  });

  it('ends only in posted, and every other state has a way out', () => {
    const final = IMPORT_ITEM_STATES.filter((state) => TRANSITIONS[state].length === 0);
    expect(final).toEqual(['posted']);
    expect(statesLeadingTo('posting').sort()).toEqual(['failed', 'planned', 'posting', 'waiting_quota']);
  });
});

const srcRoot = fileURLToPath(new URL('..', import.meta.url));
const STATE_LITERAL = new RegExp(`\\bstate:\\s*['"](${IMPORT_ITEM_STATES.join('|')})['"]`, 'g');

function productFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return productFiles(path);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

/** Each `state: '<literal>'` written by an insert into or update of import_items, as "file: text". */
export function literalStateWrites(file: string, code: string): string[] {
  return [...code.matchAll(STATE_LITERAL)].flatMap((match) => {
    const before = code.slice(0, match.index);
    const table = [...before.matchAll(/\.(?:update|insert)\(\s*(\w+)\s*\)/g)].at(-1)?.[1];
    return table === 'importItems' ? [`${file}: ${match[0]}`] : [];
  });
}

describe('writes of import_items.state', () => {
  it('all take their state from the table’s guards, never a bare literal', () => {
    const writes = productFiles(srcRoot).flatMap((path) =>
      literalStateWrites(path.slice(srcRoot.length), readFileSync(path, 'utf8')),
    );
    expect(writes).toEqual([]);
  });

  it('finds a bare literal in an update of import_items, not in one of import_runs', () => {
    expect(
      literalStateWrites(
        'x.ts',
        "await db.update(importRuns).set({ state: 'failed' });\nawait db.update(importItems).set({ state: 'posted' });",
      ),
    ).toEqual(["x.ts: state: 'posted'"]);
  });
});
