/**
 * @module cli/invite-command
 * `loket-yuki invite`: offers someone a role in a portal or domain on the operator's authority and
 * prints the single-use link, mailed or not, so an installation without SMTP can still add people.
 */
import { Command, Option } from 'commander';
import { AppError } from '../core/errors.ts';
import { DOMAIN_ROLES, PORTAL_ROLES } from '../core/roles.ts';
import { loadActor } from '../auth/load-actor.ts';
import { existingOperatorId } from '../app/operator/create-operator.ts';
import { inviteMember, MemberInput } from '../app/members/invite-member.ts';
import { parseId } from './cli-arguments.ts';
import { withEnvironment } from './with-environment.ts';

type InviteOptions = { portal: string; domain?: string; email: string; name: string; role: string };

const NO_OPERATOR = new AppError('no_operator', {
  nl: 'Er is nog geen operator; voer eerst `loket-yuki setup` uit.',
  en: 'There is no operator yet; run `loket-yuki setup` first.',
});

export function inviteCommand(): Command {
  return new Command('invite')
    .description('invite someone to a portal or domain role and print the link (valid for a week)')
    .requiredOption('--portal <id>', 'the portal', parseId)
    .option('--domain <id>', 'a domain of that portal, for a domain role', parseId)
    .requiredOption('--email <address>', 'who is invited')
    .requiredOption('--name <name>', 'their name')
    .addOption(
      new Option('--role <role>', 'the role')
        .choices([...PORTAL_ROLES, ...DOMAIN_ROLES])
        .default('portal_admin'),
    )
    .action((options: InviteOptions) =>
      withEnvironment('invite', async (environment) => {
        const input = MemberInput.safeParse(
          options.domain
            ? { ...options, kind: 'domain', domainId: options.domain }
            : { ...options, kind: 'portal' },
        );
        if (!input.success) {
          for (const issue of input.error.issues) {
            console.error(`loket-yuki: ${issue.path.join('.') || 'role'}: ${issue.message}`);
          }
          return 2;
        }
        const { db } = environment.database;
        const operatorId = await existingOperatorId(db);
        const actor = operatorId ? await loadActor(db, operatorId) : undefined;
        if (!actor) throw NO_OPERATOR;
        const invited = await inviteMember(
          { db, mailer: environment.mailer, publicUrl: environment.config.publicUrl, returnLink: true },
          { actor, requestId: null },
          { portalId: options.portal, input: input.data },
        );
        console.log(
          environment.mailer.configured
            ? `loket-yuki: invitation mailed to ${input.data.email}; the link, to pass on if the mail does not arrive:`
            : `loket-yuki: no SMTP_URL, so nothing was mailed; pass this link on to ${input.data.email}:`,
        );
        console.log(invited.link);
        return 0;
      }),
    );
}
