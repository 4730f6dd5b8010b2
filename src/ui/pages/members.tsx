/**
 * @module members-page
 * `/portals/:portalId/members` — *Instellingen → Gebruikers*: who works in the portal and in which
 * role; invite someone to a portal or domain role (by e-mail; the role is theirs once they accept, and
 * the page answers the same whether the address has an account), see open invitations, or take roles away.
 */
import type { Context, Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../../http/context.ts';
import { DOMAIN_ROLES, PORTAL_ROLES } from '../../core/roles.ts';
import { isAppError, NotFoundError } from '../../core/errors.ts';
import { listMembers } from '../../app/members/list-members.ts';
import { inviteMember, MemberInput } from '../../app/members/invite-member.ts';
import { removeMember } from '../../app/members/remove-member.ts';
import {
  listPendingInvitations,
  type PendingInvitation,
} from '../../app/members/list-pending-invitations.ts';
import { listPortalDomains } from '../../app/portals/list-portal-domains.ts';
import { Layout } from '../layout.tsx';
import { pageContext, render, type PageContext } from '../page-context.ts';
import { guardPortalPage, isUuid } from '../authorize-page.ts';
import { changedBy } from '../../http/authorize.ts';
import { notFoundPage } from './error-pages.tsx';
import { formatDateTime } from '../components/format.ts';
import { Csrf, Field, Notice } from '../components/form.tsx';
import { ConfirmButton } from '../components/confirm-button.tsx';
import { roleNames } from '../components/roles.ts';

/** "Where" is the whole portal or one domain; the role must fit it. */
const MemberForm = z
  .object({
    email: z.string().default(''),
    name: z.string().default(''),
    where: z.string(),
    role: z.string(),
  })
  .transform(({ where, ...rest }) =>
    where === 'portal' ? { kind: 'portal', ...rest } : { kind: 'domain', domainId: where, ...rest },
  );
const NOTICES = { invited: 'members.invited', removed: 'members.removed' } as const;

type Note = { kind: 'ok' | 'error'; text: string } | undefined;
/** What the person typed, shown again after a refusal so nothing has to be typed twice. */
type Typed = { email?: string; name?: string; where?: string; role?: string };
const TypedForm = z.object({
  email: z.string().max(320).optional(),
  name: z.string().max(200).optional(),
  where: z.string().max(64).optional(),
  role: z.string().max(64).optional(),
});

export function membersPage(app: Hono<AppEnv>): void {
  app.get('/portals/:portalId/members', async (c) => {
    const refused = await guard(c);
    if (refused) return refused;
    const { t } = pageContext(c);
    const done = (Object.keys(NOTICES) as Array<keyof typeof NOTICES>).find(
      (key) => c.req.query(key) !== undefined,
    );
    return show(c, done ? { kind: 'ok', text: t(NOTICES[done]) } : undefined);
  });

  app.post('/portals/:portalId/members', async (c) => {
    const refused = await guard(c);
    if (refused) return refused;
    const portalId = c.req.param('portalId');
    const { t, locale } = pageContext(c);
    const body = await c.req.parseBody();
    const typed: Typed = TypedForm.safeParse(body).data ?? {};
    const parsed = MemberInput.safeParse(MemberForm.safeParse(body).data ?? {});
    if (!parsed.success) {
      const roleProblem = parsed.error.issues.some((issue) => issue.path[0] === 'role');
      return show(
        c,
        { kind: 'error', text: t(roleProblem ? 'members.roleMismatch' : 'common.invalid') },
        400,
        typed,
      );
    }
    const { db, mailer, config } = c.var.services;
    try {
      const invited = await inviteMember({ db, mailer, publicUrl: config.publicUrl }, changedBy(c), {
        portalId,
        input: parsed.data,
      });
      // Without SMTP the link is shown once, here, for the inviter to pass on.
      if (invited.link) return show(c, { kind: 'ok', text: `${t('members.invitedLink')} ${invited.link}` });
      return c.redirect(`/portals/${portalId}/members?invited`, 303);
    } catch (error) {
      if (!isAppError(error)) throw error;
      return show(c, { kind: 'error', text: error.text[locale] }, 422, typed);
    }
  });

  app.post('/portals/:portalId/members/:userId/remove', async (c) => {
    const refused = await guard(c);
    if (refused) return refused;
    const { portalId, userId } = c.req.param();
    if (!isUuid(userId)) return notFoundPage(c);
    try {
      await removeMember(c.var.services.db, changedBy(c), { portalId, userId });
    } catch (error) {
      if (error instanceof NotFoundError) return notFoundPage(c);
      throw error;
    }
    return c.redirect(`/portals/${portalId}/members?removed`, 303);
  });
}

/** The operator may open any portal id: one that does not exist is a 404 page, not an error. */
async function guard(c: Context<AppEnv>): Promise<Response | undefined> {
  const guarded = await guardPortalPage(c, 'portal.members.manage');
  return guarded.ok ? undefined : guarded.response;
}

async function show(c: Context<AppEnv>, notice: Note, status: 200 | 400 | 422 = 200, typed: Typed = {}) {
  const portalId = c.req.param('portalId')!;
  const { db } = c.var.services;
  const [members, invitations, portalDomains] = await Promise.all([
    listMembers(db, portalId),
    listPendingInvitations(db, portalId),
    listPortalDomains(db, portalId),
  ]);
  const page = pageContext(c);
  const { t } = page;
  return render(
    c,
    <Layout page={page} title={t('members.title')} portalId={portalId}>
      <p class="lead">{t('members.intro')}</p>
      <Notice kind={notice?.kind ?? 'ok'} text={notice?.text} />
      <section class="card" aria-labelledby="members">
        <h2 id="members">{t('members.title')}</h2>
        <table>
          <thead>
            <tr>
              <th scope="col">{t('common.name')}</th>
              <th scope="col">{t('login.email')}</th>
              <th scope="col">{t('members.roles')}</th>
              <th scope="col">{t('common.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {members.map((member) => (
              <tr>
                <td>{member.name}</td>
                <td>{member.email}</td>
                <td>
                  <ul class="plain">
                    {member.portalRole && <li>{roleNames(t, [member.portalRole])}</li>}
                    {member.domainRoles.map((role) => (
                      <li>
                        {t('members.domainRole', {
                          role: roleNames(t, [role.role]),
                          domain: role.domainName,
                        })}
                      </li>
                    ))}
                  </ul>
                </td>
                <td>
                  {member.userId !== page.actor?.userId && (
                    <ConfirmButton
                      page={page}
                      action={`/portals/${portalId}/members/${member.userId}/remove`}
                      label={t('members.remove')}
                      ariaLabel={t('members.removeFor', { name: member.name })}
                      question={t('members.removeQuestion', { name: member.name })}
                    />
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <Invitations page={page} invitations={invitations} />
      <form method="post" action={`/portals/${portalId}/members`} class="card">
        <Csrf page={page} />
        <h2>{t('members.add')}</h2>
        <Field
          id="email"
          label={t('login.email')}
          type="email"
          value={typed.email}
          required
          autocomplete="off"
        />
        <Field id="name" label={t('common.name')} value={typed.name} required autocomplete="off" />
        <div class="field">
          <label for="where">{t('members.where')}</label>
          <select id="where" name="where">
            <option value="portal">{t('members.wherePortal')}</option>
            {portalDomains.map((domain) => (
              <option value={domain.id} selected={typed.where === domain.id}>
                {t('domain.title', { name: domain.name })}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="role">{t('members.role')}</label>
          <select id="role" name="role">
            <optgroup label={t('members.wherePortal')}>
              {PORTAL_ROLES.map((role) => (
                <option value={role} selected={typed.role === role}>
                  {roleNames(t, [role])}
                </option>
              ))}
            </optgroup>
            <optgroup label={t('operator.domain')}>
              {DOMAIN_ROLES.map((role) => (
                <option value={role} selected={typed.role === role}>
                  {roleNames(t, [role])}
                </option>
              ))}
            </optgroup>
          </select>
        </div>
        <div class="actions">
          <button type="submit">{t('members.submit')}</button>
        </div>
      </form>
    </Layout>,
    status,
  );
}

function Invitations({ page, invitations }: { page: PageContext; invitations: PendingInvitation[] }) {
  const { t, locale } = page;
  if (invitations.length === 0) return null;
  return (
    <section class="card" aria-labelledby="invitations">
      <h2 id="invitations">{t('members.pending')}</h2>
      <p>{t('members.pendingIntro')}</p>
      <table>
        <thead>
          <tr>
            <th scope="col">{t('common.name')}</th>
            <th scope="col">{t('login.email')}</th>
            <th scope="col">{t('members.role')}</th>
            <th scope="col">{t('members.invitedAt')}</th>
          </tr>
        </thead>
        <tbody>
          {invitations.map((invitation) => (
            <tr>
              <td>{invitation.name}</td>
              <td>{invitation.email}</td>
              <td>
                {invitation.domainName
                  ? t('members.domainRole', {
                      role: roleNames(t, [invitation.role]),
                      domain: invitation.domainName,
                    })
                  : roleNames(t, [invitation.role])}
              </td>
              <td class="nowrap">{formatDateTime(locale, invitation.createdAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
