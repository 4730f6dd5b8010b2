/**
 * Tab *Administratie* and PUT …/relation-code when the Relatiecode belongs to another employer in Loket
 * (issue 14 point 1): both companies side by side, nothing saved, "Toch koppelen" saves it with an audit
 * row that records the confirmation; the API answers 409 with both sides unless `confirm` is true.
 */
import { and, desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAppWithSandboxes, type AppWithSandboxes } from '../../test/support/app-with-sandboxes.ts';
import { call } from '../../test/support/auth-harness.ts';
import { linkBakeryThroughApi } from '../../test/support/bakery-link.ts';
import { roleSessions, send } from '../../test/support/role-sessions.ts';
import { auditEvents, administrations } from '../store/schema/index.ts';

describe('Relatiecode of another employer: warned, confirmed, audited', () => {
  let setup: AppWithSandboxes;
  const { as, api } = roleSessions(() => setup);
  const base = () => `/administrations/${setup.tenants.a.standardId}`;
  const relationCode = async () =>
    (
      await setup.database.db
        .select({ code: administrations.relationCode })
        .from(administrations)
        .where(eq(administrations.id, setup.tenants.a.standardId))
    )[0]?.code;
  const lastAudit = async () =>
    (
      await setup.database.db
        .select()
        .from(auditEvents)
        .where(
          and(
            eq(auditEvents.action, 'administration.relation_code.update'),
            eq(auditEvents.administrationId, setup.tenants.a.standardId),
          ),
        )
        .orderBy(desc(auditEvents.id))
        .limit(1)
    )[0];

  async function post(form: Record<string, string>, lang?: 'en') {
    const session = await as('backoffice');
    return call(setup.app, `${base()}/relation-code`, {
      cookie: [session.cookie, lang ? `ly_lang=${lang}` : ''].filter(Boolean).join('; '),
      form: { ...form, _csrf: session.csrf },
    });
  }

  beforeAll(async () => {
    setup = await startAppWithSandboxes({ instanceName: 'relation-code-mismatch' });
    await linkBakeryThroughApi({ api, loket: setup.loket, yuki: setup.yuki, tenants: setup.tenants });
  }, 60_000);
  afterAll(() => setup?.close());

  it('shows both companies and "Toch koppelen" instead of "Opgeslagen", in Dutch and English', async () => {
    const warned = await post({ relationCode: '20417' });
    expect(warned.status).toBe(409);
    const html = await warned.text();
    expect(html).toContain('Dit cliëntnummer hoort bij een ander bedrijf');
    expect(html).toContain('Bakkerij De Vries B.V.');
    expect(html).toContain('Van der Berg Installatietechniek B.V.');
    expect(html).toContain('34128765');
    expect(html).toContain('17283946');
    expect(html).toContain('823456782L01');
    expect(html).toContain('Toch koppelen');
    expect(html).toContain('name="confirm" value="1"');
    expect(html).not.toContain('Opgeslagen');
    expect(await relationCode()).toBe(10231);

    const english = await (await post({ relationCode: '20417' }, 'en')).text();
    expect(english).toContain('This client number belongs to another company');
    expect(english).toContain('Link anyway');
  });

  it('saves the mismatch only through "Toch koppelen", with confirmedMismatch and both names audited', async () => {
    const confirmed = await post({ relationCode: '20417', confirm: '1' });
    expect(confirmed.status).toBe(303);
    expect(await relationCode()).toBe(20417);
    expect(await lastAudit()).toMatchObject({
      outcome: 'ok',
      details: {
        relationCode: 20417,
        confirmedMismatch: true,
        yukiName: 'Bakkerij De Vries B.V.',
        loketName: 'Van der Berg Installatietechniek B.V.',
      },
    });
    // The bakery's own client number is the same company: saved straight away.
    expect((await post({ relationCode: '10231' })).status).toBe(303);
    expect(await relationCode()).toBe(10231);
  });

  it('answers the API with 409 and both sides, and saves with confirm: true', async () => {
    const session = await as('backoffice');
    const path = `/api${base()}/relation-code`;
    const refused = await send(setup.app, session, 'PUT', path, { relationCode: 20417 });
    expect(refused.status).toBe(409);
    expect(await refused.json()).toMatchObject({
      error: 'relation_code_mismatch',
      sides: {
        yuki: { name: 'Bakkerij De Vries B.V.', cocNumber: '34128765' },
        loket: { clientNumber: 20417, companyName: 'Van der Berg Installatietechniek B.V.' },
      },
    });
    expect(await relationCode()).toBe(10231);
    const saved = await send(setup.app, session, 'PUT', path, { relationCode: 20417, confirm: true });
    expect(saved.status).toBe(200);
    expect(await lastAudit()).toMatchObject({ details: { confirmedMismatch: true } });
    expect((await send(setup.app, session, 'PUT', path, { relationCode: 10231 })).status).toBe(200);
  });
});
