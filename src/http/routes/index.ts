/**
 * @module routes
 * Every REST route of loket-yuki. The permission matrix test walks this list, so a route added here
 * without an entry in the matrix fails the build.
 */
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../context.ts';
import { getHealthz } from './system/getHealthz.ts';
import { getReadyz } from './system/getReadyz.ts';
import { getPortals } from './portals/getPortals.ts';
import { getPortal } from './portals/getPortal.ts';
import { postPortal } from './portals/postPortal.ts';
import { getLoketSettings } from './portals/getLoketSettings.ts';
import { putLoketSettings } from './portals/putLoketSettings.ts';
import { getAudit } from './portals/getAudit.ts';
import { getHealth } from './portals/getHealth.ts';
import { postSync } from './portals/postSync.ts';
import { members } from './portals/members.ts';
import { getDomain } from './domains/getDomain.ts';
import { putDomainFeature } from './domains/putDomainFeature.ts';
import { loketConnection } from './domains/loketConnection.ts';
import { postContractLine } from './domains/postContractLine.ts';
import { administration } from './administrations/administration.ts';
import { putRelationCode } from './administrations/putRelationCode.ts';
import { imports } from './administrations/imports.ts';
import { checkInYuki } from './administrations/checkInYuki.ts';
import { loketConnectionActions } from './domains/loketConnectionActions.ts';
import { operatorContractLines } from './operator/contractLines.ts';
import { operatorRefusals } from './operator/refusals.ts';
import { operatorOutbox } from './operator/outbox.ts';
import { registerAuthRoutes } from './auth/index.ts';

export function registerRoutes(app: OpenAPIHono<AppEnv>): void {
  getHealthz(app);
  getReadyz(app);
  registerAuthRoutes(app);
  getPortals(app);
  getPortal(app);
  postPortal(app);
  getLoketSettings(app);
  putLoketSettings(app);
  getAudit(app);
  getHealth(app);
  postSync(app);
  members(app);
  getDomain(app);
  putDomainFeature(app);
  loketConnection(app);
  postContractLine(app);
  administration(app);
  putRelationCode(app);
  imports(app);
  checkInYuki(app);
  loketConnectionActions(app);
  operatorContractLines(app);
  operatorRefusals(app);
  operatorOutbox(app);
}
