/**
 * @module cli/reset-password-command
 * `loket-yuki reset-password <email>`: prints a single-use link (valid for an hour) to choose a new
 * password, for whoever runs the installation to pass on; nothing is mailed.
 */
import { Command } from 'commander';
import { recordAudit } from '../audit/record-audit.ts';
import { createResetLink } from '../auth/password-reset.ts';
import { Email, findActiveUserByEmail } from '../auth/users.ts';
import { withEnvironment } from './with-environment.ts';

export function resetPasswordCommand(): Command {
  return new Command('reset-password')
    .description('print a link (valid for an hour, works once) to choose a new password; nothing is mailed')
    .argument('<email>', 'the account’s e-mail address')
    .action((address: string) =>
      withEnvironment('reset-password', async (environment) => {
        const { db } = environment.database;
        const email = Email.safeParse(address);
        const user = email.success ? await findActiveUserByEmail(db, email.data) : undefined;
        if (!user) {
          console.error(`loket-yuki: there is no active account with the address ${address}`);
          return 1;
        }
        const link = await createResetLink(db, environment.config.publicUrl, user.id);
        if (!link) {
          console.error('loket-yuki: this account has 3 open reset links already; use one, or wait an hour');
          return 1;
        }
        await recordAudit(db, {
          actorUserId: null,
          actorLabel: 'command line',
          action: 'auth.password_reset.link',
          targetType: 'user',
          targetId: user.id,
        });
        console.log(`loket-yuki: pass this link on to ${user.email}; it works once, for one hour:`);
        console.log(link);
        return 0;
      }),
    );
}
