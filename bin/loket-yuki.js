#!/usr/bin/env node
// The `loket-yuki` command: the product's commands, plus the demo and sandbox commands when sandbox/ is
// present (src/ never imports sandbox/). Runs the build output when there is one, else the TypeScript.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const compiled = existsSync(`${root}dist/src/cli/program.js`);
if (!compiled) {
  const { register } = await import('tsx/esm/api');
  register();
}
const load = (path) => import(compiled ? `${root}dist/${path}.js` : `${root}${path}.ts`);

const { createProgram } = await load('src/cli/program');
const program = createProgram();
if (existsSync(`${root}sandbox/demo`)) {
  const { addDemoCommands } = await load('sandbox/demo/commands');
  addDemoCommands(program);
}
await program.parseAsync(process.argv);
