/**
 * @module tokens
 * Issued OAuth artefacts: authorization codes (single use, 60 s), access tokens (expiring, optionally
 * dying after one request under the early-expiry fault) and refresh tokens, which rotate: using one
 * replaces it, and the replaced one is then refused.
 */
import { randomBytes } from 'node:crypto';

export type TokenPair = {
  access_token: string;
  token_type: 'bearer';
  expires_in: number;
  refresh_token: string;
  two_factor_state: 'None';
};

type Code = { username: string; redirectUri: string; expiresAt: number };
type Access = { username: string; expiresAt: number; requestsLeft: number };

const CODE_TTL_MS = 60_000;

function opaque(): string {
  // base64url only: Loket's spec requires bearer tokens to match [\w-]+.
  return randomBytes(24).toString('base64url');
}

export class TokenStore {
  private readonly codes = new Map<string, Code>();
  private readonly accessTokens = new Map<string, Access>();
  private readonly refreshTokens = new Map<string, string>();

  constructor(
    private readonly ttlSeconds: number,
    private readonly now: () => number = Date.now,
  ) {}

  issueCode(username: string, redirectUri: string): string {
    const code = opaque();
    this.codes.set(code, { username, redirectUri, expiresAt: this.now() + CODE_TTL_MS });
    return code;
  }

  /** Redeems a code once; returns the user it was issued to, or undefined. */
  redeemCode(code: string, redirectUri: string): string | undefined {
    const issued = this.codes.get(code);
    this.codes.delete(code);
    if (!issued || issued.expiresAt < this.now() || issued.redirectUri !== redirectUri) return undefined;
    return issued.username;
  }

  issuePair(username: string): TokenPair {
    const access = opaque();
    const refresh = opaque();
    this.accessTokens.set(access, {
      username,
      expiresAt: this.now() + this.ttlSeconds * 1000,
      requestsLeft: Number.POSITIVE_INFINITY,
    });
    this.refreshTokens.set(refresh, username);
    return {
      access_token: access,
      token_type: 'bearer',
      expires_in: this.ttlSeconds,
      refresh_token: refresh,
      two_factor_state: 'None',
    };
  }

  /** Rotates a refresh token: the old one is spent, a new pair is issued. */
  rotate(refreshToken: string): TokenPair | undefined {
    const username = this.refreshTokens.get(refreshToken);
    if (!username) return undefined;
    this.refreshTokens.delete(refreshToken);
    return this.issuePair(username);
  }

  /** The user behind a live access token; `singleUse` makes this request its last. */
  authenticate(accessToken: string, singleUse: boolean): string | undefined {
    const access = this.accessTokens.get(accessToken);
    if (!access || access.expiresAt <= this.now() || access.requestsLeft <= 0) {
      this.accessTokens.delete(accessToken);
      return undefined;
    }
    if (singleUse) access.requestsLeft = Math.min(access.requestsLeft, 1) - 1;
    return access.username;
  }
}
