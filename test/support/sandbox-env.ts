/**
 * @module test-sandbox-env
 * The environment that points the service at the in-process sandboxes: the Loket sandbox stands in for
 * production and acceptance alike, so either environment choice reaches it.
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
