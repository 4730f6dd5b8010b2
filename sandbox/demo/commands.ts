/**
 * @module commands
 * `loket-yuki demo` (what `npm start` runs): the whole service in one process on embedded PGlite, in
 * demo mode.
 */
import type { Command } from 'commander';
import { runService } from '../../src/cli/run-service.ts';

export function addDemoCommands(program: Command): void {
  program
    .command('demo')
    .description('run the one-process demo on embedded PGlite (what `npm start` runs)')
    .action(() => runService({ mode: 'demo', role: 'demo', http: true, worker: true }));
}
