/**
 * @module folder-cycles
 * No two top-level folders of src/ depend on each other, directly or round a longer loop: every relative
 * import of the product (tests excluded) is an edge between folders, and the graph must have no cycle.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const repositoryRoot = fileURLToPath(new URL('..', import.meta.url));
const srcRoot = join(repositoryRoot, 'src');

/** Every relative specifier a file imports or re-exports, static or dynamic, type-only included. */
export function relativeImports(code: string): string[] {
  const pattern =
    /(?:^|[\s;])(?:import|export)\s[^'"]*?\sfrom\s*['"](\.{1,2}\/[^'"]+)['"]|(?:^|[\s;])import\s*['"](\.{1,2}\/[^'"]+)['"]|\bimport\(\s*['"](\.{1,2}\/[^'"]+)['"]\s*\)/g;
  return [...code.matchAll(pattern)].map((match) => match[1] ?? match[2] ?? match[3] ?? '');
}

function productFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return productFiles(path);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

/** The top-level folder of src/ a path lies in, or undefined outside src/ (or a file right in src/). */
function topFolder(path: string): string | undefined {
  const inside = relative(srcRoot, path);
  if (inside.startsWith('..')) return undefined;
  const parts = inside.split(sep);
  return parts.length > 1 ? parts[0] : undefined;
}

/** folder → folder → one import that makes the edge ("file -> specifier"), for the message. */
export function folderGraph(files: Array<{ path: string; code: string }>): Map<string, Map<string, string>> {
  const graph = new Map<string, Map<string, string>>();
  for (const { path, code } of files) {
    const from = topFolder(path);
    if (!from) continue;
    for (const specifier of relativeImports(code)) {
      const to = topFolder(resolve(dirname(path), specifier));
      if (!to || to === from) continue;
      const edges = graph.get(from) ?? new Map<string, string>();
      if (!edges.has(to)) edges.set(to, `${relative(repositoryRoot, path)} -> ${specifier}`);
      graph.set(from, edges);
    }
  }
  return graph;
}

/** One cycle of the graph as its folders, first repeated at the end, with the import behind each edge. */
export function findCycle(graph: Map<string, Map<string, string>>): string[] | undefined {
  const state = new Map<string, 'open' | 'done'>();
  const path: string[] = [];
  const visit = (folder: string): string[] | undefined => {
    state.set(folder, 'open');
    path.push(folder);
    for (const next of graph.get(folder)?.keys() ?? []) {
      if (state.get(next) === 'open') return [...path.slice(path.indexOf(next)), next];
      if (!state.has(next)) {
        const cycle = visit(next);
        if (cycle) return cycle;
      }
    }
    path.pop();
    state.set(folder, 'done');
    return undefined;
  };
  for (const folder of [...graph.keys()].sort()) {
    if (state.has(folder)) continue;
    const cycle = visit(folder);
    if (cycle) return cycle;
  }
  return undefined;
}

function describeCycle(graph: Map<string, Map<string, string>>, cycle: string[]): string {
  return cycle
    .slice(1)
    .map((to, index) => `${cycle[index]} -> ${to}   (${graph.get(cycle[index] ?? '')?.get(to)})`)
    .join('\n');
}

describe('folders of src/', () => {
  it('import each other in one direction only: no cycle between top-level folders', () => {
    const files = productFiles(srcRoot).map((path) => ({ path, code: readFileSync(path, 'utf8') }));
    const graph = folderGraph(files);
    const cycle = findCycle(graph);
    expect(cycle ? describeCycle(graph, cycle) : 'no cycle').toBe('no cycle');
  });

  it('finds a cycle round three folders, and names the import behind each edge', () => {
    const file = (folder: string, code: string) => ({ path: join(srcRoot, folder, 'x.ts'), code });
    const graph = folderGraph([
      file('jobs', "import { a } from '../sync/a.ts';"),
      file('sync', "export type { B } from '../tenancy/b.ts';"),
      file('tenancy', "const c = await import('../jobs/c.ts');"),
      file('core', "import { z } from 'zod';\nimport './x-helper.ts';"),
    ]);
    expect(describeCycle(graph, findCycle(graph) ?? [])).toBe(
      [
        'jobs -> sync   (src/jobs/x.ts -> ../sync/a.ts)',
        'sync -> tenancy   (src/sync/x.ts -> ../tenancy/b.ts)',
        'tenancy -> jobs   (src/tenancy/x.ts -> ../jobs/c.ts)',
      ].join('\n'),
    );
  });

  it('finds no cycle where the imports go one way', () => {
    const graph = folderGraph([
      {
        path: join(srcRoot, 'ui', 'pages', 'x.tsx'),
        code: "import type { AppEnv } from '../../http/context.ts';",
      },
      { path: join(srcRoot, 'http', 'x.ts'), code: "import { decide } from '../core/policy.ts';" },
    ]);
    expect(findCycle(graph)).toBeUndefined();
  });
});
