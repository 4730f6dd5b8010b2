/**
 * @module yuki-sandbox
 * A faithful stand-in for Yuki's SOAP web services (Accounting, AccountingInfo, Archive, Upload.aspx),
 * seeded with the demo firm. `createYukiSandbox` gives the Hono app for in-process use; `startYukiSandbox`
 * listens on 127.0.0.1 so the real client can talk to it over HTTP. Never imports `src/`.
 */
import { serve } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { callCounters, createApp } from './app.tsx';
import type { Config } from './operation.ts';
import type { YukiFaults, YukiSandboxOptionsInput } from './options.ts';
import { parseYukiSandboxOptions } from './options.ts';
import type { SandboxState } from './state.ts';
import { amsterdamDate, createState, credentials } from './state.ts';

export { parseYukiSandboxOptions, yukiFaultsSchema, yukiSandboxOptionsSchema } from './options.ts';
export type { YukiFaults, YukiSandboxOptions, YukiSandboxOptionsInput } from './options.ts';
export type { ArchiveDocument, Credential, Journal, JournalLine } from './state.ts';
export { DISABLED_GL_ACCOUNT, FOLDERS } from './state.ts';
export { MAX_REQUEST_BYTES } from './operation.ts';

export type YukiSandboxControl = {
  /** Live state, for assertions: journals, documents, contacts, sessions, calls. Do not mutate. */
  readonly state: SandboxState;
  credentials(): ReturnType<typeof credentials>;
  calls(): ReturnType<typeof callCounters>;
  /** Starts a new day: every domain's call counter back to zero. */
  resetDay(): void;
  /** Invalidates every session, as if they all expired. */
  expireSessions(): void;
  /** Changes fault knobs at runtime (also `PUT /_sandbox/faults`). */
  setFaults(faults: Partial<YukiFaults>): void;
};

export function createYukiSandbox(input: YukiSandboxOptionsInput = {}) {
  const options = parseYukiSandboxOptions(input);
  const state = createState(options.seed);
  const config: Config = {
    sessionTtlSeconds: options.sessionTtlSeconds,
    dailyCallLimit: options.dailyCallLimit,
    faults: { ...options.faults },
  };
  const control: YukiSandboxControl = {
    state,
    credentials: () => credentials(state),
    calls: () => callCounters(state, config),
    resetDay: () => {
      state.calls.clear();
      state.day = amsterdamDate(new Date());
    },
    expireSessions: () => {
      for (const session of state.sessions.values()) session.invalidated = true;
    },
    // A copy: failCalls is used up as calls come in, and must not eat the caller's lists.
    setFaults: (faults) => Object.assign(config.faults, structuredClone(faults)),
  };
  return { app: createApp(state, config, control), control, options };
}

export type YukiSandbox = YukiSandboxControl & {
  /** Base URL; the client calls `${url}/ws/Accounting.asmx` etc. */
  url: string;
  port: number;
  close(): Promise<void>;
};

/** Listens on 127.0.0.1 (`port` 0 = a free port) and resolves once it accepts connections. */
export async function startYukiSandbox(input: YukiSandboxOptionsInput = {}): Promise<YukiSandbox> {
  const { app, control, options } = createYukiSandbox(input);
  const { server, port } = await new Promise<{ server: ReturnType<typeof serve>; port: number }>(
    (resolve) => {
      const server = serve(
        { fetch: app.fetch, port: options.port, hostname: '127.0.0.1' },
        (info: AddressInfo) => resolve({ server, port: info.port }),
      );
    },
  );
  return {
    ...control,
    url: `http://127.0.0.1:${port}`,
    port,
    close: () =>
      new Promise<void>((resolve, reject) => {
        if ('closeAllConnections' in server) server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
