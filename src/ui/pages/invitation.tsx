/**
 * @module invitation-page
 * `/invitation?token=`, the link in an invitation mail (in the query, which the request log leaves out): someone with an account accepts signed in as
 * the invited address (otherwise they are sent to log in first); someone without one chooses a password,
 * which creates the account and accepts in one go. Nothing changes before that click.
 */
import type { Context, Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../../http/context.ts';
import { isAppError } from '../../core/errors.ts';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../../auth/password.ts';
import { findInvitation, type OpenInvitation } from '../../app/members/find-invitation.ts';
import { acceptInvitation, type Acceptor } from '../../app/members/accept-invitation.ts';
import { Layout } from '../layout.tsx';
import { pageContext, render } from '../page-context.ts';
import { Csrf, Field, Notice } from '../components/form.tsx';
import { roleNames } from '../components/roles.ts';

// Tokens are 32 random bytes in base64url; anything else is not worth a query.
const Token = z.string().regex(/^[A-Za-z0-9_-]{43}$/);
const NewPassword = z.string().min(PASSWORD_MIN_LENGTH).max(PASSWORD_MAX_LENGTH);

export function invitationPages(app: Hono<AppEnv>): void {
  app.get('/invitation', async (c) => {
    const token = Token.safeParse(c.req.query('token')).data;
    const invitation = token && (await findInvitation(c.var.services.db, token));
    if (!token || !invitation) return gone(c);
    const actor = c.var.actor;
    if (!actor && invitation.hasAccount) {
      return c.redirect(`/login?next=${encodeURIComponent(`/invitation?token=${token}`)}`, 303);
    }
    return show(c, token, invitation);
  });

  app.post('/invitation', async (c) => {
    const token = Token.safeParse(c.req.query('token')).data;
    const invitation = token && (await findInvitation(c.var.services.db, token));
    if (!token || !invitation) return gone(c);
    const actor = c.var.actor;
    const { t, locale } = pageContext(c);
    let acceptor: Acceptor;
    if (actor) acceptor = { actor };
    else {
      const password = NewPassword.safeParse((await c.req.parseBody()).password);
      if (!password.success) {
        return show(c, token, invitation, t('reset.confirm.tooShort', { min: PASSWORD_MIN_LENGTH }), 400);
      }
      acceptor = { newPassword: password.data };
    }
    try {
      const accepted = await acceptInvitation(c.var.services.db, {
        token,
        acceptor,
        requestId: c.var.requestId,
      });
      return c.redirect(actor ? `/portals/${accepted.portalId}` : '/login?joined', 303);
    } catch (error) {
      if (!isAppError(error)) throw error;
      return show(c, token, invitation, error.text[locale], 422);
    }
  });
}

function gone(c: Context<AppEnv>) {
  const page = pageContext(c);
  const { t } = page;
  return render(
    c,
    <Layout page={page} title={t('invitation.title')}>
      <p>{t('invitation.gone')}</p>
    </Layout>,
    404,
  );
}

function show(
  c: Context<AppEnv>,
  token: string,
  invitation: OpenInvitation,
  error?: string,
  status: 200 | 400 | 422 = 200,
) {
  const page = pageContext(c);
  const { t } = page;
  const role = roleNames(t, [invitation.role]);
  const offer = invitation.domainName
    ? t('invitation.offerDomain', { portal: invitation.portalName, domain: invitation.domainName, role })
    : t('invitation.offerPortal', { portal: invitation.portalName, role });
  const actor = page.actor;
  const isInvitee = actor?.email.toLowerCase() === invitation.email;
  return render(
    c,
    <Layout page={page} title={t('invitation.title')}>
      <Notice kind="error" text={error} />
      <form method="post" action={`/invitation?token=${token}`} class="card narrow">
        <Csrf page={page} />
        <p>{offer}</p>
        {actor && !isInvitee && <p>{t('invitation.signIn', { email: invitation.email })}</p>}
        {!actor && (
          <>
            <p>{t('invitation.choosePassword', { email: invitation.email })}</p>
            <Field
              id="password"
              label={t('reset.confirm.password')}
              type="password"
              required
              autocomplete="new-password"
              hint={t('reset.confirm.hint', { min: PASSWORD_MIN_LENGTH })}
            />
          </>
        )}
        {(!actor || isInvitee) && (
          <div class="actions">
            <button type="submit">{t('invitation.accept')}</button>
          </div>
        )}
      </form>
    </Layout>,
    status,
  );
}
