/**
 * @module loket/token-keeper
 * Holds one connection's tokens: hands out an access token, refreshes it shortly before it expires or
 * after a 401, never runs two refreshes at once, and passes every new pair to `onTokens` so the caller
 * can store the rotated refresh token (encrypted) before it is used. With a `shared` store, refreshes
 * are single-flight across processes too: one process holds a lease while it refreshes, the others wait
 * for and take the pair it stored, and everyone re-reads the stored pair before refreshing and after
 * Loket refuses a refresh token (another process may have rotated it).
 */
import { LoketSessionExpiredError, LoketUnavailableError } from './errors.ts';
import { refreshTokens } from './oauth.ts';
import type { LoketOAuthClient, LoketTokens } from './oauth.ts';

/** Where several processes keep one connection's tokens (the database, in the product). */
export type SharedTokenStore = {
  /** The stored pair, or null when none is stored. */
  read(): Promise<LoketTokens | null>;
  /** Takes the refresh lease when nobody holds it (or theirs ran out): the lease id, or null when busy. */
  acquire(): Promise<string | null>;
  /** Stores `tokens` (when given) and gives the lease back. */
  release(leaseId: string, tokens?: LoketTokens): Promise<void>;
};

export type TokenKeeperOptions = {
  client: LoketOAuthClient;
  tokens: LoketTokens;
  onTokens: (tokens: LoketTokens) => void | Promise<void>;
  /** Refresh this long before expiry (default 60 s). */
  refreshMarginMs?: number;
  /** Signs in afresh when the refresh token is refused (password-grant connections). */
  reauthenticate?: () => Promise<LoketTokens>;
  /** The tokens as other processes see them; without it, refreshes are single-flight in this process only. */
  shared?: SharedTokenStore;
  /** How often a process waiting for another's refresh looks again (default 100 ms). */
  leasePollMs?: number;
  /** Give up waiting for another process's refresh after this long (default 90 s, above the token timeout). */
  leaseWaitMs?: number;
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export class TokenKeeper {
  private tokens: LoketTokens;
  private refreshing: Promise<string> | null = null;

  constructor(private readonly options: TokenKeeperOptions) {
    this.tokens = options.tokens;
  }

  private now(): number {
    return (this.options.client.now ?? Date.now)();
  }

  private fresh(tokens: LoketTokens): boolean {
    return tokens.expiresAt - (this.options.refreshMarginMs ?? 60_000) > this.now();
  }

  /** A token that is valid for at least the margin, refreshing first when needed. */
  async accessToken(): Promise<string> {
    if (this.fresh(this.tokens)) return this.tokens.accessToken;
    return this.refresh(this.tokens.accessToken);
  }

  /**
   * Refreshes because `rejected` no longer works. If another caller already replaced it, that newer
   * token is returned instead of refreshing again.
   */
  refresh(rejected: string): Promise<string> {
    if (this.tokens.accessToken !== rejected) return Promise.resolve(this.tokens.accessToken);
    this.refreshing ??= (this.options.shared ? this.renewShared(this.options.shared, rejected) : this.renew())
      .then((next) => {
        this.tokens = next;
        return next.accessToken;
      })
      .finally(() => {
        this.refreshing = null;
      });
    return this.refreshing;
  }

  private async renew(): Promise<LoketTokens> {
    const next = await this.exchange(this.tokens.refreshToken, async () => null);
    // Persist before use: a rotated refresh token that was never stored would strand the connection.
    await this.options.onTokens(next);
    return next;
  }

  /** Refreshes `refreshToken`; when Loket refuses it, `reread` may offer a pair someone else stored. */
  private async exchange(
    refreshToken: string,
    reread: () => Promise<LoketTokens | null>,
  ): Promise<LoketTokens> {
    try {
      return await refreshTokens(this.options.client, refreshToken);
    } catch (error) {
      if (!(error instanceof LoketSessionExpiredError)) throw error;
      const stored = await reread();
      if (stored) return stored;
      if (!this.options.reauthenticate) throw error;
      return this.options.reauthenticate();
    }
  }

  /** A stored pair another process made after `rejected`, still good to use; else null. */
  private async adoptable(shared: SharedTokenStore, rejected: string): Promise<LoketTokens | null> {
    const stored = await shared.read();
    return stored && stored.accessToken !== rejected && this.fresh(stored) ? stored : null;
  }

  private async renewShared(shared: SharedTokenStore, rejected: string): Promise<LoketTokens> {
    const deadline = this.now() + (this.options.leaseWaitMs ?? 90_000);
    for (;;) {
      const adopted = await this.adoptable(shared, rejected);
      if (adopted) return adopted;
      const leaseId = await shared.acquire();
      if (leaseId === null) {
        // Another process is refreshing: wait for the pair it stores rather than spend the token too.
        // A holder that takes this long is stuck, not a refusal by Loket: try again later.
        if (this.now() > deadline)
          throw new LoketUnavailableError({ detail: 'waited too long for another process to refresh' });
        await sleep(this.options.leasePollMs ?? 100);
        continue;
      }
      let stored: LoketTokens;
      try {
        // Read under the lease: the holder before us may have stored a pair after our first look.
        const current = (await shared.read()) ?? this.tokens;
        if (current.accessToken !== rejected && this.fresh(current)) {
          await shared.release(leaseId);
          return current;
        }
        stored = await this.exchange(current.refreshToken, async () => {
          // Refused: a pair stored since (a reconnect, another process's refresh) may still work.
          const after = await shared.read();
          return after && after.refreshToken !== current.refreshToken ? after : null;
        });
      } catch (error) {
        await shared.release(leaseId);
        throw error;
      }
      // Persist before use (and before giving the lease back), or the rotated refresh token is lost.
      await shared.release(leaseId, stored);
      await this.options.onTokens(stored);
      return stored;
    }
  }
}
