/**
 * @module cli/setup-command
 * `loket-yuki setup`: the first operator account of a fresh installation, asked for on the terminal or
 * given by flags and environment for automation. Running it again changes nothing and says so.
 */
import { Command } from 'commander';
import type { z } from 'zod';
import { createFirstOperator, existingOperator } from '../app/operator/create-operator.ts';
import { NewUser } from '../auth/users.ts';
import { ask, askHidden, readStdin } from './prompt.ts';
import { withEnvironment } from './with-environment.ts';

type SetupOptions = { email?: string; name?: string; passwordStdin?: boolean };

export function setupCommand(): Command {
  return new Command('setup')
    .description('create the operator account of a new installation (once; running it again changes nothing)')
    .option('--email <address>', 'the operator’s e-mail address (or SETUP_OPERATOR_EMAIL)')
    .option('--name <name>', 'the operator’s name (or SETUP_OPERATOR_NAME)')
    .option('--password-stdin', 'read the password from standard input (or SETUP_OPERATOR_PASSWORD)')
    .addHelpText(
      'after',
      `
Without the values on a terminal, setup asks for them. Without a terminal (automation) give all three:
  printf '%s' "$PASSWORD" | loket-yuki setup --email ops@kantoor.nl --name "Operator" --password-stdin`,
    )
    .action((options: SetupOptions) =>
      withEnvironment('setup', async (environment) => {
        const signIn = `${environment.config.publicUrl}/login`;
        const existing = await existingOperator(environment.database.db);
        if (existing) {
          console.log(`loket-yuki: an operator account exists already (${existing.email}); nothing changed.`);
          console.log(`Sign in at ${signIn}`);
          return 0;
        }
        const input = await operatorInput(options);
        if (!input.success) {
          console.error('loket-yuki: setup needs an operator:');
          for (const issue of input.error.issues)
            console.error(`  ${String(issue.path[0])}: ${issue.message}`);
          return 2;
        }
        const result = await createFirstOperator(environment.database.db, input.data);
        console.log(
          result.created
            ? `loket-yuki: operator account created for ${result.email}.`
            : `loket-yuki: an operator account exists already (${result.email}); nothing changed.`,
        );
        console.log(`Sign in at ${signIn}`);
        if (result.created) {
          console.log(
            'Next: create the firm’s portal in the operator console, then invite its portal administrator:',
          );
          console.log(
            '  loket-yuki invite --portal <id> --email <address> --name <name> --role portal_admin',
          );
        }
        return 0;
      }),
    );
}

const SetupInput = NewUser.pick({ email: true, name: true, password: true });

async function operatorInput(options: SetupOptions) {
  const env = process.env;
  const interactive = process.stdin.isTTY === true && !options.passwordStdin;
  const email =
    options.email ?? env.SETUP_OPERATOR_EMAIL ?? (interactive ? await ask('Operator e-mail: ') : undefined);
  const name = options.name ?? env.SETUP_OPERATOR_NAME ?? (interactive ? await ask('Name: ') : undefined);
  let password = env.SETUP_OPERATOR_PASSWORD;
  if (options.passwordStdin) password = await readStdin();
  else if (password === undefined && interactive) {
    password = await askHidden('Password (at least 12 characters): ');
    if ((await askHidden('Password again: ')) !== password) password = '';
  }
  return SetupInput.safeParse({ email, name, password } satisfies Partial<z.input<typeof SetupInput>>);
}
