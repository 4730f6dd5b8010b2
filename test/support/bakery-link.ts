/**
 * @module bakery-link
 * The bakery's complete Loket link, set up through the REST API as its users set it up, for the
 * integration tests of what a complete link shows.
 */
import type { YukiSandbox } from '../../sandbox/yuki/index.ts';
import type { RoleSessions } from './role-sessions.ts';
import type { SandboxCredentials, SandboxUrls } from './loket-fixture.ts';
import type { Tenants } from './tenants.ts';

/** Portal settings, the domain's feature, its tested `koppeling.yuki` user and Relatiecode 10231. */
export async function linkBakeryThroughApi(options: {
  api: RoleSessions['api'];
  loket: SandboxUrls;
  yuki: Pick<YukiSandbox, 'credentials'>;
  tenants: Tenants;
}): Promise<void> {
  const { api, loket, yuki, tenants } = options;
  const credentials = (await (await fetch(`${loket.controlUrl}/credentials`)).json()) as SandboxCredentials;
  const [bakery] = tenants.a.domainIds;
  // The password flow is Loket's exception; this portal's client has it, so the API can set the user.
  await api('portal_admin', 'PUT', `/api/portals/${tenants.a.portalId}/loket-settings`, {
    loketClientId: credentials.passwordClient.clientId,
    loketClientSecret: credentials.passwordClient.clientSecret,
    loketPasswordFlow: true,
    loketEnvironment: 'acceptance',
    yukiAccessKey: yuki.credentials()[0]!.key,
    lookbackPeriods: 1,
  });
  await api('portal_admin', 'PUT', `/api/domains/${bakery}/features/loket_payroll_link`);
  const user = credentials.users.find((candidate) => candidate.username === 'koppeling.yuki')!;
  await api('backoffice', 'PUT', `/api/domains/${bakery}/loket-connection`, {
    username: user.username,
    password: user.password,
    environmentCode: credentials.provider.name,
  });
  await api('backoffice', 'POST', `/api/domains/${bakery}/loket-connection/test`);
  await api('backoffice', 'PUT', `/api/administrations/${tenants.a.standardId}/relation-code`, {
    relationCode: 10231,
  });
}
