/**
 * @module commands
 * The commands that exist only beside the sandboxes: `loket-yuki demo` (what `npm start` runs: the
 * service in demo mode on embedded PGlite with both sandboxes in-process) and `loket-yuki sandbox
 * loket|yuki`, which run one sandbox on its own for manual testing or another client.
 */
import type { Command } from 'commander';
import { Option } from 'commander';
import { runService } from '../../src/main/run-service.ts';
import { reportStartupError } from '../../src/main/startup-error.ts';
import { ConfigError, loadConfig } from '../../src/platform/config.ts';
import { startLoketSandbox } from '../loket/index.ts';
import { parseYukiSandboxOptions, startYukiSandbox } from '../yuki/index.ts';
import { startDemoSandboxes, type DemoSandboxes } from './sandboxes.ts';
import { demoLoginLines, seedDemo } from './seed.ts';
import { startDemoOutbox } from './outbox.ts';

function untilSignal(close: () => Promise<void>): Promise<void> {
  return new Promise((resolve) => {
    const stop = () => void close().then(resolve);
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}

export function addDemoCommands(program: Command): void {
  program
    .command('demo')
    .description(
      'run the one-process demo: service, Loket and Yuki sandboxes, demo data (what `npm start` runs)',
    )
    .action(async () => {
      let sandboxes: DemoSandboxes;
      try {
        // PORT=abc or a busy sandbox port: one clear line, not a stack trace from deep in a sandbox.
        const { port } = loadConfig(process.env, 'demo');
        if (port > 65533)
          throw new ConfigError(['PORT: the demo also uses PORT+1 and PORT+2; choose at most 65533']);
        sandboxes = await startDemoSandboxes({ ...process.env, PORT: String(port) });
      } catch (error) {
        process.exitCode = reportStartupError(error);
        return;
      }
      // Every mail the demo sends lands here and shows on /_demo/outbox, unless SMTP_URL says otherwise.
      const outbox = await startDemoOutbox();
      // Closed after the service has stopped, or at once when it could not start (the data dir is locked).
      try {
        await runService({
          mode: 'demo',
          role: 'demo',
          http: true,
          worker: true,
          env: { SMTP_URL: outbox.url, ...process.env, ...sandboxes.env },
          extraRoutes: (app) => outbox.routes(app),
          onStarted: async (environment, url) => {
            await seedDemo(environment.database.db);
            for (const line of demoLoginLines(url ?? '')) console.log(line);
            console.log(`Demo outbox (every mail sent): ${url ?? ''}/_demo/outbox`);
            console.log(`Yuki sandbox viewer: ${sandboxes.yuki.url}/_sandbox/viewer`);
            console.log(`Loket sandbox credentials: ${sandboxes.loket.controlUrl}/credentials\n`);
            return [];
          },
        });
      } finally {
        await Promise.all([sandboxes.close(), outbox.close()]);
      }
    });

  const sandbox = program.command('sandbox').description('run a Loket or Yuki sandbox on its own');

  sandbox
    .command('loket')
    .description('a faithful Loket REST v2 sandbox (OAuth, /v2 API, /_sandbox controls)')
    .addOption(new Option('--port <n>', 'port on 127.0.0.1 (0 = any)').default('4001'))
    .addOption(new Option('--seed <n>', 'seed for the generated data').default('1'))
    .option('--employers <n>', 'number of employers (the demo firm first)')
    .option('--employees-per-administration <n>', 'employees in every payroll administration')
    .option('--months <n>', 'months of approved payroll history', '3')
    .option('--redirect-uri <uri>', 'OAuth redirect URI of the sandbox client')
    .action(async (options: Record<string, string | undefined>) => {
      const running = await startLoketSandbox({
        port: Number(options.port),
        seed: Number(options.seed),
        months: Number(options.months),
        ...(options.employers ? { employers: Number(options.employers) } : {}),
        ...(options.employeesPerAdministration
          ? { employeesPerAdministration: Number(options.employeesPerAdministration) }
          : {}),
        ...(options.redirectUri ? { redirectUri: options.redirectUri } : {}),
      });
      console.log(`Loket sandbox: API ${running.url}, OAuth ${running.oauthUrl}`);
      console.log(`credentials: ${running.controlUrl}/credentials`);
      await untilSignal(running.close);
    });

  sandbox
    .command('yuki')
    .description('a faithful Yuki web-services sandbox (SOAP, Upload.aspx, viewer)')
    .addOption(new Option('--port <n>', 'port on 127.0.0.1 (0 = any)').default('4002'))
    .addOption(new Option('--seed <s>', 'seed for generated GUIDs').default('loket-yuki'))
    .option('--daily-call-limit <n>', 'web-service calls per domain per day', '1000')
    .action(async (options: { port: string; seed: string; dailyCallLimit: string }) => {
      const running = await startYukiSandbox(
        parseYukiSandboxOptions({
          port: Number(options.port),
          seed: options.seed,
          dailyCallLimit: Number(options.dailyCallLimit),
        }),
      );
      console.log(`Yuki sandbox: ${running.url}/ws/<Service>.asmx`);
      console.log(
        `viewer: ${running.url}/_sandbox/viewer   access keys: ${running.url}/_sandbox/credentials`,
      );
      await untilSignal(running.close);
    });
}
