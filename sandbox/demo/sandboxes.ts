/**
 * @module sandboxes
 * Starts both sandboxes for the demo and returns the environment that points the service at them.
 * With PORT=0 (tests) they take any free port; otherwise PORT+1 (Loket) and PORT+2 (Yuki), so the
 * Yuki viewer has an address a person can keep open.
 */
import { startLoketSandbox, type RunningLoketSandbox } from '../loket/index.ts';
import { parseYukiSandboxOptions, startYukiSandbox, type YukiSandbox } from '../yuki/index.ts';

export type DemoSandboxes = {
  loket: RunningLoketSandbox;
  yuki: YukiSandbox;
  env: Record<string, string>;
  close(): Promise<void>;
};

export async function startDemoSandboxes(env: NodeJS.ProcessEnv): Promise<DemoSandboxes> {
  const port = Number(env.PORT || 3000);
  const publicUrl = env.PUBLIC_URL || `http://localhost:${port}`;
  const loket = await startLoketSandbox({
    port: port === 0 ? 0 : port + 1,
    redirectUri: `${publicUrl}/loket/oauth/callback`,
    // A client whose Loket year is a test year: its Relatiecode 30990 shows what is not imported and why.
    testYearEmployer: true,
  });
  const yuki = await startYukiSandbox(parseYukiSandboxOptions({ port: port === 0 ? 0 : port + 2 }));
  return {
    loket,
    yuki,
    env: sandboxEnv(loket, yuki),
    close: async () => {
      await Promise.all([loket.close(), yuki.close()]);
    },
  };
}

/**
 * The environment that points the service at the sandboxes: the Loket sandbox stands in for production
 * and acceptance alike, so either environment choice reaches it.
 */
export function sandboxEnv(
  loket: { url: string; oauthUrl: string },
  yuki?: { url: string },
): Record<string, string> {
  return {
    LOKET_API_URL: loket.url,
    LOKET_OAUTH_URL: loket.oauthUrl,
    LOKET_ACC_API_URL: loket.url,
    LOKET_ACC_OAUTH_URL: loket.oauthUrl,
    ...(yuki ? { YUKI_API_URL: yuki.url } : {}),
  };
}
