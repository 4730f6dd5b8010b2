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

// Before the product loads: its garbage-collector settings (issue 13 P2).
const { tuneMemory } = await load('src/platform/memory-tuning');
tuneMemory();
const { createProgram } = await load('src/cli/program');
const program = createProgram();
// The demo's commands load both sandboxes (pdf generation, XSD validation, an SMTP server): ~10 MB that
// `all`, `serve` and `worker` never use (issue 13 P2), so only `demo`, `sandbox` and the help load them.
const command = process.argv.slice(2).find((arg) => !arg.startsWith('-'));
const wantsDemo = command === undefined || ['demo', 'sandbox', 'help'].includes(command);
if (wantsDemo && existsSync(`${root}sandbox/demo`)) {
  const { addDemoCommands } = await load('sandbox/demo/commands');
  addDemoCommands(program);
}
await program.parseAsync(process.argv);
