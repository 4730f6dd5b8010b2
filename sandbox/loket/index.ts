/**
 * @module loket-sandbox
 * A faithful stand-in for Loket.nl: OAuth at `oauthUrl` (/oauth/authorize, /oauth/token), the REST API
 * at `url` (/v2/...), and the sandbox's own controls at /_sandbox/. Use `createLoketSandbox` in-process
 * (Hono's `app.request`) or `startLoketSandbox` for a real server on 127.0.0.1.
 */
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { demoFirm } from '../shared/demo-firm.ts';
import type { DemoAdministration } from '../shared/demo-firm.ts';
import { LoketWorld } from './data/world.ts';
import { apiRoutes } from './http/api.ts';
import { controlRoutes } from './http/control.ts';
import { FaultState } from './http/faults.ts';
import { oauthRoutes } from './http/oauth.ts';
import { RequestCount } from './http/request-count.ts';
import { TokenStore } from './http/tokens.ts';
import { loketFaultsSchema, loketSandboxOptionsSchema } from './options.ts';
import type { LoketFaults, LoketSandboxOptions } from './options.ts';

export { loketFaultsSchema, loketSandboxOptionsSchema } from './options.ts';
export type { LoketFaults, LoketSandboxOptions, ResolvedLoketSandboxOptions } from './options.ts';
export { NET_PAY_COMPONENT_KEY, PAYROLL_COMPONENTS } from './data/payroll-results.ts';
export { RIGHTS } from './data/rights.ts';

/** The Loket side of a demo-firm administration, by client number (for tests and demos). */
export function demoPayrollAdministration(clientNumber: number): NonNullable<DemoAdministration['loket']> {
  const administrations: readonly DemoAdministration[] = demoFirm.domains.flatMap(
    (domain): readonly DemoAdministration[] => domain.administrations,
  );
  const found = administrations.find(
    (administration) => administration.loket?.clientNumber === clientNumber,
  )?.loket;
  if (!found) throw new Error(`the demo firm has no payroll administration ${clientNumber}`);
  return found;
}

export type LoketSandbox = {
  app: Hono;
  world: LoketWorld;
  setFaults(faults: Partial<LoketFaults>): void;
  /** Every /v2 request received, also at `GET /_sandbox/requests` (`DELETE` resets). */
  requests: RequestCount;
};

export function createLoketSandbox(options: LoketSandboxOptions = {}): LoketSandbox {
  const resolved = loketSandboxOptionsSchema.parse(options);
  const world = new LoketWorld(resolved);
  const tokens = new TokenStore(resolved.tokenTtlSeconds);
  const faults = new FaultState(resolved.faults);
  const requests = new RequestCount();
  const app = new Hono();
  app.route('/oauth', oauthRoutes(world, tokens, faults));
  app.use('/v2/*', requests.middleware());
  app.use('/v2/*', faults.middleware());
  app.route('/v2', apiRoutes(world, tokens, faults));
  app.get('/_sandbox/requests', (c) => c.json(requests.snapshot()));
  app.delete('/_sandbox/requests', (c) => {
    requests.reset();
    return c.json(requests.snapshot());
  });
  app.route('/_sandbox', controlRoutes(world, faults));
  app.get('/', (c) =>
    c.text('Loket sandbox: API at /v2, OAuth at /oauth, controls at /_sandbox/credentials\n'),
  );
  return {
    app,
    world,
    requests,
    setFaults: (partial) => {
      faults.faults = loketFaultsSchema.parse({ ...faults.faults, ...partial });
    },
  };
}

export type RunningLoketSandbox = LoketSandbox & {
  /** The API base, like https://api.loket.nl/v2. */
  url: string;
  /** The OAuth base, like https://oauth.loket.nl (append /authorize or /token). */
  oauthUrl: string;
  /** The sandbox's control surface. */
  controlUrl: string;
  port: number;
  close(): Promise<void>;
};

export async function startLoketSandbox(options: LoketSandboxOptions = {}): Promise<RunningLoketSandbox> {
  const sandbox = createLoketSandbox(options);
  const port = loketSandboxOptionsSchema.shape.port.parse(options.port);
  const server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
    const started = serve({ fetch: sandbox.app.fetch, port, hostname: '127.0.0.1' }, () => resolve(started));
    started.once('error', reject);
  });
  const actualPort = (server.address() as AddressInfo).port;
  const origin = `http://127.0.0.1:${actualPort}`;
  return {
    ...sandbox,
    url: `${origin}/v2`,
    oauthUrl: `${origin}/oauth`,
    controlUrl: `${origin}/_sandbox`,
    port: actualPort,
    close: () =>
      new Promise<void>((resolve, reject) => {
        if ('closeAllConnections' in server) server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
