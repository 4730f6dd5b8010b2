/**
 * @module loket-fixture
 * For integration tests: given a running Loket sandbox (started by the test), reads its credentials
 * and signs in over real HTTP, returning connections whose token rotations are recorded.
 */
import { LoketConnection } from '../../src/loket/connection.ts';
import type { LoketConnectionOptions } from '../../src/loket/connection.ts';
import { passwordGrant } from '../../src/loket/oauth.ts';
import type { LoketOAuthClient, LoketTokens } from '../../src/loket/oauth.ts';

export type SandboxCredentials = {
  clientId: string;
  clientSecret: string;
  redirectUri: string;
  /** A client with Loket's password flow enabled by exception; the demo's own client has only the code flow. */
  passwordClient: { clientId: string; clientSecret: string };
  /** The provider every sandbox user reaches (GET /providers); its name serves as omgevingscode. */
  provider: { id: string; name: string };
  users: Array<{ username: string; password: string; rights: string[] }>;
  payrollAdministrations: Array<{
    id: string;
    employerId: string;
    clientNumber: number;
    periodType: string;
    employees: number;
    currentPeriodId: number;
  }>;
};

/** The URLs of a running sandbox; structural, because src/ never imports sandbox/. */
export type SandboxUrls = { url: string; oauthUrl: string; controlUrl: string };

export type SandboxFixture = {
  sandbox: SandboxUrls;
  credentials: SandboxCredentials;
  /** The password-enabled client, so a test can sign in without a browser. */
  oauth: LoketOAuthClient;
  /** The demo's client: authorization code and refresh token only. */
  standardOauth: LoketOAuthClient;
  /** Signs in as a sandbox user and returns a connection; `rotations` collects every onTokens call. */
  connect(options?: {
    username?: string;
    connection?: Partial<LoketConnectionOptions>;
  }): Promise<{ connection: LoketConnection; rotations: LoketTokens[]; tokens: LoketTokens }>;
  control(path: string, body?: unknown, method?: string): Promise<unknown>;
};

/** Calls a Loket sandbox's control surface; a refusal throws with the sandbox's answer. */
export async function sandboxControl(
  controlUrl: string,
  path: string,
  body?: unknown,
  method = body === undefined ? 'GET' : 'POST',
): Promise<unknown> {
  const response = await fetch(`${controlUrl}${path}`, {
    method,
    headers: { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json: unknown = await response.json();
  if (!response.ok) throw new Error(`sandbox control ${path}: ${response.status} ${JSON.stringify(json)}`);
  return json;
}

export async function sandboxFixture(sandbox: SandboxUrls): Promise<SandboxFixture> {
  const credentials = (await (await fetch(`${sandbox.controlUrl}/credentials`)).json()) as SandboxCredentials;
  const oauth: LoketOAuthClient = { oauthBaseUrl: sandbox.oauthUrl, ...credentials.passwordClient };
  const standardOauth: LoketOAuthClient = {
    oauthBaseUrl: sandbox.oauthUrl,
    clientId: credentials.clientId,
    clientSecret: credentials.clientSecret,
  };

  return {
    sandbox,
    credentials,
    oauth,
    standardOauth,
    control: (path, body, method) => sandboxControl(sandbox.controlUrl, path, body, method),
    async connect({ username = 'koppeling.yuki', connection = {} } = {}) {
      const user = credentials.users.find((candidate) => candidate.username === username);
      if (!user) throw new Error(`no sandbox user ${username}`);
      const tokens = await passwordGrant(oauth, { username: user.username, password: user.password });
      const rotations: LoketTokens[] = [];
      const created = new LoketConnection({
        apiBaseUrl: sandbox.url,
        oauth,
        tokens,
        onTokens: (next) => {
          rotations.push(next);
        },
        retry: { baseDelayMs: 10, maxDelayMs: 50 },
        ...connection,
      });
      return { connection: created, rotations, tokens };
    },
  };
}
