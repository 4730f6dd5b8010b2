/**
 * @module program
 * The `loket-yuki` command line. Every command has --help; long-running ones stop on SIGINT/SIGTERM.
 */
import { randomUUID } from 'node:crypto';
import { Command, Option } from 'commander';
import { loadCliConfig } from './cli-config.ts';
import { createLogger } from '../platform/logger.ts';
import { openEnvironment } from '../main/environment.ts';
import { probeQueue, readProbeReport } from '../jobs/probe.ts';
import { runService } from '../main/run-service.ts';
import { rotateKeys } from '../secrets/rotate-keys.ts';
import { reportStartupError } from '../main/startup-error.ts';
import { importCommand } from './import-command.ts';
import { statusCommand } from './status-command.ts';
import { setupCommand } from './setup-command.ts';
import { inviteCommand } from './invite-command.ts';
import { resetPasswordCommand } from './reset-password-command.ts';
import { backupCommand, restoreCommand } from './backup-commands.ts';

export function createProgram(): Command {
  const program = new Command('loket-yuki')
    .description(
      'Salariskoppeling met Loket: payslips, journal entries and tax returns from Loket.nl into Yuki',
    )
    .showHelpAfterError();

  program
    .command('serve')
    .description('serve the web UI and REST API (several may run against one PostgreSQL)')
    .action(() => runService({ mode: 'production', role: 'serve', http: true, worker: false }));

  program
    .command('worker')
    .description('run import jobs and schedules (several may run against one PostgreSQL)')
    .action(() => runService({ mode: 'production', role: 'worker', http: false, worker: true }));

  program
    .command('all')
    .description('HTTP, worker and scheduler in one process (the embedded deployment)')
    .action(() => runService({ mode: 'production', role: 'all', http: true, worker: true }));

  program
    .command('migrate')
    .description('apply database and job-engine migrations, then exit')
    .action(async () => {
      try {
        const config = loadCliConfig();
        const environment = await openEnvironment(config, createLogger(config.logLevel), {
          supervise: false,
          role: 'migrate',
        });
        await environment.close();
        console.log('loket-yuki: database is up to date');
      } catch (error) {
        process.exitCode = reportStartupError(error);
      }
    });

  program
    .command('probe')
    .description('send probe jobs and report which workers ran them (checks a distributed deployment)')
    .addOption(new Option('--jobs <n>', 'number of probe jobs').default(20).argParser(Number))
    .addOption(
      new Option('--timeout <seconds>', 'how long to wait for the workers').default(60).argParser(Number),
    )
    .action(async (options: { jobs: number; timeout: number }) => {
      try {
        const config = loadCliConfig();
        const environment = await openEnvironment(config, createLogger('warn'), {
          supervise: false,
          role: 'probe',
        });
        try {
          const batch = randomUUID();
          for (let sequence = 0; sequence < options.jobs; sequence++) {
            await environment.jobs.send(probeQueue, { batch, sequence });
          }
          const deadline = Date.now() + options.timeout * 1000;
          let report = await readProbeReport(environment.database.db, batch);
          while (report.jobs < options.jobs && Date.now() < deadline) {
            await new Promise((resolve) => setTimeout(resolve, 250));
            report = await readProbeReport(environment.database.db, batch);
          }
          console.log(JSON.stringify(report, null, 2));
          if (report.jobs < options.jobs || report.repeated > 0) process.exitCode = 1;
        } finally {
          await environment.close();
        }
      } catch (error) {
        process.exitCode = reportStartupError(error);
      }
    });

  program
    .command('keys')
    .description('manage the encryption keys of stored credentials')
    .command('rotate')
    .description(
      'rewrap data keys under APP_MASTER_KEY (old keys in APP_MASTER_KEY_PREVIOUS), make a new data key per portal and re-encrypt every secret; safe to run again after an interruption',
    )
    .action(async () => {
      try {
        const config = loadCliConfig();
        const environment = await openEnvironment(config, createLogger(config.logLevel), {
          supervise: false,
          role: 'keys',
        });
        try {
          const report = await rotateKeys(environment.database.db, environment.masterKeys);
          console.log(
            `loket-yuki: ${report.rewrappedDataKeys} data keys rewrapped, ${report.newDataKeys} new data keys, ${report.reencryptedSecrets} secrets re-encrypted`,
          );
        } finally {
          await environment.close();
        }
      } catch (error) {
        process.exitCode = reportStartupError(error);
      }
    });

  program.addCommand(importCommand());
  program.addCommand(statusCommand());
  program.addCommand(setupCommand());
  program.addCommand(inviteCommand());
  program.addCommand(resetPasswordCommand());
  program.addCommand(backupCommand());
  program.addCommand(restoreCommand());

  return program;
}
