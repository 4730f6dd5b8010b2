/**
 * @module module-headers
 * Every file of the product opens with a `@module` header (the house rule: a one-line summary of what
 * the file does, so a reader knows it before reading it). Tests are not product files and are left out.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const repositoryRoot = fileURLToPath(new URL('..', import.meta.url));

function productFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return productFiles(path);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

/** Whether the file opens (after an optional shebang) with a doc comment that names its module. */
export function hasModuleHeader(code: string): boolean {
  const opening = /^(?:#![^\n]*\n)?\s*\/\*\*([\s\S]*?)\*\//.exec(code);
  return Boolean(opening && /@module\s+\S/.test(opening[1] ?? ''));
}

describe('@module headers', () => {
  it('open every product file in src/', () => {
    const missing = productFiles(join(repositoryRoot, 'src'))
      .map((path) => relative(repositoryRoot, path))
      .filter((path) => !hasModuleHeader(readFileSync(join(repositoryRoot, path), 'utf8')));
    expect(missing).toEqual([]);
  });

  it('count only a doc comment at the very top that names the module', () => {
    expect(hasModuleHeader('/** @module x — does y. */\nexport {};\n')).toBe(true);
    expect(hasModuleHeader('/**\n * @module routes/x\n * Does y.\n */\nimport z from "z";\n')).toBe(true);
    expect(hasModuleHeader('import z from "z";\n/** @module x */\n')).toBe(false);
    expect(hasModuleHeader('/** Does y. */\nexport {};\n')).toBe(false);
    expect(hasModuleHeader('/** @module */\nexport {};\n')).toBe(false);
  });
});
