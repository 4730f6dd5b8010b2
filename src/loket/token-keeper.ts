/**
 * @module loket/token-keeper
 * Holds one connection's tokens: hands out an access token, refreshes it shortly before it expires or
 * after a 401, never runs two refreshes at once, and passes every new pair to `onTokens` so the caller
 * can store the rotated refresh token (encrypted) before it is used.
 */
import { LoketSessionExpiredError } from './errors.ts';
import { refreshTokens } from './oauth.ts';
import type { LoketOAuthClient, LoketTokens } from './oauth.ts';

export type TokenKeeperOptions = {
  client: LoketOAuthClient;
  tokens: LoketTokens;
  onTokens: (tokens: LoketTokens) => void | Promise<void>;
  /** Refresh this long before expiry (default 60 s). */
  refreshMarginMs?: number;
  /** Signs in afresh when the refresh token is refused (password-grant connections). */
  reauthenticate?: () => Promise<LoketTokens>;
};

export class TokenKeeper {
  private tokens: LoketTokens;
  private refreshing: Promise<string> | null = null;

  constructor(private readonly options: TokenKeeperOptions) {
    this.tokens = options.tokens;
  }

  /** A token that is valid for at least the margin, refreshing first when needed. */
  async accessToken(): Promise<string> {
    const now = (this.options.client.now ?? Date.now)();
    if (this.tokens.expiresAt - (this.options.refreshMarginMs ?? 60_000) > now)
      return this.tokens.accessToken;
    return this.refresh(this.tokens.accessToken);
  }

  /**
   * Refreshes because `rejected` no longer works. If another caller already replaced it, that newer
   * token is returned instead of refreshing again.
   */
  refresh(rejected: string): Promise<string> {
    if (this.tokens.accessToken !== rejected) return Promise.resolve(this.tokens.accessToken);
    this.refreshing ??= this.renew().finally(() => {
      this.refreshing = null;
    });
    return this.refreshing;
  }

  private async renew(): Promise<string> {
    let next: LoketTokens;
    try {
      next = await refreshTokens(this.options.client, this.tokens.refreshToken);
    } catch (error) {
      if (!(error instanceof LoketSessionExpiredError) || !this.options.reauthenticate) throw error;
      next = await this.options.reauthenticate();
    }
    // Persist before use: a rotated refresh token that was never stored would strand the connection.
    await this.options.onTokens(next);
    this.tokens = next;
    return next.accessToken;
  }
}
