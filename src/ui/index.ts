/**
 * @module ui
 * The web UI: server-rendered pages and htmx fragments on the same app, sessions and CSRF protection
 * as the REST API, every permission decided by core/policy.ts.
 */
import type { Hono } from 'hono';
import type { AppEnv } from '../http/context.ts';
import { assetRoutes } from './assets.ts';
import { homePages } from './pages/home.tsx';
import { loginPages } from './pages/login.tsx';
import { passwordResetPages } from './pages/password-reset.tsx';
import { portalOverviewPage } from './pages/portal-overview.tsx';
import { loketSettingsPage } from './pages/loket-settings.tsx';
import { domainContractPage } from './pages/domain-contract.tsx';
import { domainLoketSettingsPage } from './pages/domain-loket-settings.tsx';
import { administrationTabPage } from './pages/administration-tab.tsx';
import { loketServicePage } from './pages/loket-service.tsx';
import { loketImportPages } from './pages/loket-import.tsx';
import { operatorConsolePage } from './pages/operator-console.tsx';
import { auditLogPage } from './pages/audit-log.tsx';
import { portalHealthPage } from './pages/portal-health.tsx';
import { membersPage } from './pages/members.tsx';
import { invitationPages } from './pages/invitation.tsx';
import { notFoundPage } from './pages/error-pages.tsx';

export function registerPages(app: Hono<AppEnv>): void {
  assetRoutes(app);
  homePages(app);
  loginPages(app);
  passwordResetPages(app);
  portalOverviewPage(app);
  loketSettingsPage(app);
  domainContractPage(app);
  domainLoketSettingsPage(app);
  administrationTabPage(app);
  loketServicePage(app);
  loketImportPages(app);
  operatorConsolePage(app);
  auditLogPage(app);
  portalHealthPage(app);
  membersPage(app);
  invitationPages(app);
  // Unknown pages get the HTML 404; unknown API paths keep their JSON answer.
  app.notFound((c) => (c.req.path.startsWith('/api/') ? c.text('404 Not Found', 404) : notFoundPage(c)));
}
