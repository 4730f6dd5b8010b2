/**
 * @module loket/connection
 * One authenticated Loket connection: the pinned Accept version, bearer tokens through the
 * TokenKeeper, at most `maxConcurrency` requests in flight, a timeout per request, retries with backoff
 * on network errors and 5xx, Retry-After on 429, one refresh-and-retry on 401, and typed errors for
 * everything else. `withSignal` gives a view whose requests all stop when the caller's signal aborts.
 */
import { deadlineIn } from '../platform/timeout.ts';
import { timedCall } from '../platform/metrics.ts';
import type { z } from 'zod';
import { Semaphore } from './concurrency.ts';
import { cappedStream, fileNameFrom } from './download.ts';
import type { LoketDownload } from './download.ts';
import {
  LoketDownloadTooLargeError,
  LoketMissingRightError,
  LoketNotFoundError,
  LoketRequestRefusedError,
  LoketSessionExpiredError,
  LoketUnavailableError,
  LoketUnexpectedResponseError,
} from './errors.ts';
import type { LoketOAuthClient, LoketTokens } from './oauth.ts';
import { paginate } from './paging.ts';
import { DEFAULT_MAX_JSON_BYTES, readJsonCapped } from './read-json.ts';
import { backoffDelayMs, DEFAULT_RETRY_POLICY, isRetryableStatus, parseRetryAfterMs } from './retry.ts';
import type { RetryPolicy } from './retry.ts';
import { rightForActivity } from './rights.ts';
import { errorBodySchema, listEnvelopeSchema, versionBlockSchema } from './schemas.ts';
import { TokenKeeper, type SharedTokenStore } from './token-keeper.ts';

/**
 * The resource version we pin. Loket serves each resource's newest version dated on or before it, so
 * one date fixes every shape we read (employments 2019-12-16, authorizations 2019-02-11, the rest 2018-01-01).
 */
export const LOKET_API_VERSION = '2019-12-16';

export const LOKET_PRODUCTION = {
  apiBaseUrl: 'https://api.loket.nl/v2',
  oauthBaseUrl: 'https://oauth.loket.nl',
} as const;
export const LOKET_ACCEPTANCE = {
  apiBaseUrl: 'https://api.loket-acc.nl/v2',
  oauthBaseUrl: 'https://oauth.loket-acc.nl',
} as const;

/** PDFs larger than this are refused (a payslip is tens of kilobytes). */
export const DEFAULT_MAX_DOWNLOAD_BYTES = 20 * 1_048_576;

export type LoketConnectionOptions = {
  /** e.g. https://api.loket.nl/v2 */
  apiBaseUrl: string;
  oauth: LoketOAuthClient;
  tokens: LoketTokens;
  /** Receives every new token pair; store the refresh token before returning. */
  onTokens: (tokens: LoketTokens) => void | Promise<void>;
  reauthenticate?: () => Promise<LoketTokens>;
  /** The stored tokens other processes refresh too; makes refreshing single-flight across processes. */
  sharedTokens?: SharedTokenStore;
  /** Transport only (default: global fetch). */
  fetch?: typeof fetch;
  maxConcurrency?: number;
  retry?: Partial<RetryPolicy>;
  /** Per HTTP request, the body included; default 60 s. A request that takes longer is retried. */
  timeoutMs?: number;
  refreshMarginMs?: number;
  random?: () => number;
  /** JSON answers larger than this are refused unread (default 32 MB). */
  maxJsonBytes?: number;
  /** Told of every answer whose `version.obsoleteDate` is set: Loket is retiring that resource version. */
  onObsoleteVersion?: (seen: ObsoleteVersionSeen) => void;
};

/** A resource version Loket says it will stop serving (the envelope's `version` block). */
export type ObsoleteVersionSeen = {
  /** Loket's operationId, e.g. GetPayrollRunsByPayrollAdministrationId. */
  activity: string;
  method: 'GET' | 'PATCH';
  path: string;
  resourceVersion: string;
  /** yyyy-mm-dd */
  obsoleteDate: string;
};

export type RequestOptions = {
  /** Loket's activity (operationId): names the missing right on a 403. */
  activity: string;
  /** What the request is about, for a readable 404 message ("loonrun 1234…"). */
  subject: string;
  query?: Record<string, string | number | undefined>;
};

type Exchange = RequestOptions & { method: 'GET' | 'PATCH'; path: string; accept: string; body?: unknown };

const sleep = (ms: number, signal: AbortSignal | undefined) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });

const DEFAULT_TIMEOUT_MS = 60_000;

export class LoketConnection {
  private readonly keeper: TokenKeeper;
  private readonly semaphore: Semaphore;
  private readonly policy: RetryPolicy;
  private readonly fetch: typeof fetch;
  /** Set on a view made by `withSignal`: once it aborts, no request starts or goes on. */
  private signal: AbortSignal | undefined;

  constructor(private readonly options: LoketConnectionOptions) {
    this.keeper = new TokenKeeper({
      client: options.oauth,
      tokens: options.tokens,
      onTokens: options.onTokens,
      refreshMarginMs: options.refreshMarginMs,
      reauthenticate: options.reauthenticate,
      ...(options.sharedTokens ? { shared: options.sharedTokens } : {}),
    });
    this.semaphore = new Semaphore(options.maxConcurrency ?? 4);
    this.policy = { ...DEFAULT_RETRY_POLICY, ...options.retry };
    this.fetch = options.fetch ?? fetch;
  }

  /**
   * The same connection — tokens, concurrency slots, retry policy — for one caller whose work has a
   * deadline: when `signal` aborts, waiting and running requests fail at once and nothing is retried.
   */
  withSignal(signal: AbortSignal): LoketConnection {
    // A view that inherits every field (so the slots and tokens stay shared) and adds only the signal.
    const view = Object.create(this) as LoketConnection;
    view.signal = signal;
    return view;
  }

  /** Requests in flight right now (for tests and metrics). */
  get inFlight(): number {
    return this.semaphore.inFlight;
  }

  async getJson<S extends z.ZodType>(path: string, schema: S, options: RequestOptions): Promise<z.output<S>> {
    return this.exchangeJson({ ...options, method: 'GET', path, accept: jsonAccept() }, schema);
  }

  /**
   * A PATCH whose answer we do not need: any 2xx is success. (The spec types e.g. the journal-run
   * PATCH's `content` as a bare object, so nothing in it can be relied on.)
   */
  async patch(path: string, body: unknown, options: RequestOptions): Promise<void> {
    const request: Exchange = { ...options, method: 'PATCH', path, accept: jsonAccept(), body };
    await this.exchange(request, async (response) => {
      // The change is made once Loket answers 2xx; a body cut off after that changes nothing.
      const text = await response.text().catch(() => '');
      this.noteVersion(request, safeJson(text));
      return { keepSlot: false, value: undefined };
    });
  }

  /** Every item of a paged list, fetched page by page as the caller iterates. */
  list<S extends z.ZodType>(
    path: string,
    itemSchema: S,
    options: RequestOptions & { pageSize?: number },
  ): AsyncGenerator<z.output<S>> {
    const envelope = listEnvelopeSchema(itemSchema);
    return paginate((pageNumber) =>
      this.getJson(path, envelope, {
        ...options,
        query: { ...options.query, pageNumber, pageSize: options.pageSize ?? 250 },
      }),
    );
  }

  /** Streams a binary download; the concurrency slot is held until the stream is read or cancelled. */
  async download(
    path: string,
    accept: string,
    options: RequestOptions & { maxBytes?: number },
  ): Promise<LoketDownload> {
    const maxBytes = options.maxBytes ?? DEFAULT_MAX_DOWNLOAD_BYTES;
    return this.exchange({ ...options, method: 'GET', path, accept }, async (response, release) => {
      const contentType = response.headers.get('Content-Type') ?? '';
      if (!contentType.toLowerCase().startsWith(accept)) {
        await response.body?.cancel();
        throw new LoketUnexpectedResponseError({ detail: `${path}: expected ${accept}, got ${contentType}` });
      }
      const lengthHeader = response.headers.get('Content-Length');
      const contentLength = lengthHeader === null ? null : Number(lengthHeader);
      if (contentLength !== null && contentLength > maxBytes) {
        await response.body?.cancel();
        throw new LoketDownloadTooLargeError(maxBytes, { detail: `${path}: ${contentLength} bytes` });
      }
      if (!response.body) throw new LoketUnexpectedResponseError({ detail: `${path}: no body` });
      return {
        keepSlot: true,
        value: {
          stream: cappedStream(response.body, maxBytes, contentLength, release),
          contentType,
          contentLength,
          fileName: fileNameFrom(response.headers.get('Content-Disposition')),
        },
      };
    });
  }

  private exchangeJson<S extends z.ZodType>(request: Exchange, schema: S): Promise<z.output<S>> {
    return this.exchange(request, async (response) => {
      // Reading the body can fail when the connection drops; that is retried like a network error.
      const json = await readJsonCapped(
        response,
        this.options.maxJsonBytes ?? DEFAULT_MAX_JSON_BYTES,
        request.path,
      );
      this.noteVersion(request, json);
      const parsed = schema.safeParse(json);
      if (!parsed.success)
        throw new LoketUnexpectedResponseError({
          detail: `${request.path}: ${parsed.error.message.slice(0, 2000)}`,
        });
      return { keepSlot: false, value: parsed.data };
    });
  }

  /** Passes a set `version.obsoleteDate` on; an envelope without a readable version block says nothing. */
  private noteVersion(request: Exchange, json: unknown): void {
    if (!this.options.onObsoleteVersion) return;
    const parsed = versionBlockSchema.safeParse(json);
    const version = parsed.success ? parsed.data.version : undefined;
    if (!version?.obsoleteDate) return;
    try {
      this.options.onObsoleteVersion({
        activity: request.activity,
        method: request.method,
        path: request.path,
        resourceVersion: version.resourceVersion,
        obsoleteDate: version.obsoleteDate,
      });
    } catch {
      // Noting a deprecation must never fail the request that brought it.
    }
  }

  /** Sends a request with retries; `read` turns a 2xx response into the result. */
  private async exchange<T>(
    request: Exchange,
    read: (response: Response, release: () => void) => Promise<{ keepSlot: boolean; value: T }>,
  ): Promise<T> {
    let refreshedAfter401 = false;
    let lastFailure = '';
    for (let attempt = 1; attempt <= this.policy.attempts; attempt += 1) {
      let release: () => void;
      try {
        // Throws at once when the signal has already aborted, e.g. during the backoff sleep.
        release = await this.semaphore.acquire(this.signal);
      } catch {
        throw this.abandoned(request, lastFailure);
      }
      let keepSlot = false;
      let waitMs = 0;
      // The request's own time limit covers its body too: a streamed body ends it with the slot.
      const timeout = deadlineIn(
        this.options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
        `${request.method} ${request.path}`,
      );
      const done = release;
      release = () => {
        timeout.clear();
        done();
      };
      try {
        const token = await this.keeper.accessToken();
        let response: Response;
        try {
          response = await this.send(request, token, timeout.signal);
        } catch (error) {
          lastFailure = `network: ${String(error)}`;
          if (this.signal?.aborted) throw this.abandoned(request, lastFailure);
          waitMs = backoffDelayMs(attempt, this.policy, this.options.random);
          continue;
        }
        if (response.status === 401) {
          await response.body?.cancel();
          // One refresh and one more try; a second 401 means Loket no longer accepts this session.
          if (refreshedAfter401)
            throw new LoketSessionExpiredError({ detail: `${request.path}: 401 after refreshing the token` });
          refreshedAfter401 = true;
          await this.keeper.refresh(token);
          attempt -= 1;
          continue;
        }
        if (isRetryableStatus(response.status)) {
          await response.body?.cancel();
          lastFailure = `HTTP ${response.status}`;
          waitMs = this.retryWaitMs(request, response, attempt);
          continue;
        }
        if (!response.ok) throw await this.failure(request, response);
        try {
          const result = await read(response, release);
          keepSlot = result.keepSlot;
          return result.value;
        } catch (error) {
          if (this.signal?.aborted) throw this.abandoned(request, `body: ${String(error)}`);
          if (error instanceof TypeError || isTimeout(error)) {
            lastFailure = `body: ${String(error)}`;
            waitMs = backoffDelayMs(attempt, this.policy, this.options.random);
            continue;
          }
          throw error;
        }
      } finally {
        if (!keepSlot) release();
        if (waitMs > 0 && attempt < this.policy.attempts) await sleep(waitMs, this.signal);
      }
    }
    if (this.signal?.aborted) throw this.abandoned(request, lastFailure);
    throw new LoketUnavailableError({
      detail: `${request.method} ${request.path}: gave up after ${this.policy.attempts} attempts (${lastFailure})`,
    });
  }

  /** The caller gave up (its deadline passed): the request stops here, without a retry. */
  private abandoned(request: Exchange, lastFailure: string): LoketUnavailableError {
    return new LoketUnavailableError({
      cause: this.signal?.reason,
      detail: `${request.method} ${request.path}: abandoned, the caller's deadline passed${lastFailure ? ` (${lastFailure})` : ''}`,
    });
  }

  /** Retry-After on a 429 when Loket sends one (refusing to wait beyond the bound), else backoff. */
  private retryWaitMs(request: Exchange, response: Response, attempt: number): number {
    const retryAfterMs =
      response.status === 429 ? parseRetryAfterMs(response.headers.get('Retry-After')) : null;
    if (retryAfterMs !== null && retryAfterMs > this.policy.maxRetryAfterMs) {
      throw new LoketUnavailableError({
        retryAfterMs,
        detail: `${request.path}: 429, Retry-After ${retryAfterMs} ms`,
      });
    }
    return retryAfterMs ?? backoffDelayMs(attempt, this.policy, this.options.random);
  }

  private send(request: Exchange, token: string, timeout: AbortSignal): Promise<Response> {
    const url = new URL(`${this.options.apiBaseUrl.replace(/\/$/, '')}${request.path}`);
    // encodeURIComponent gives %20 for spaces in filters, which every server reads the same way.
    const query = Object.entries(request.query ?? {})
      .filter((entry): entry is [string, string | number] => entry[1] !== undefined)
      .map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(String(value))}`)
      .join('&');
    if (query) url.search = query;
    return timedCall(
      'loket',
      request.activity,
      () =>
        this.fetch(url, {
          signal: this.signal ? AbortSignal.any([timeout, this.signal]) : timeout,
          method: request.method,
          headers: {
            Authorization: `Bearer ${token}`,
            Accept: request.accept,
            ...(request.body === undefined ? {} : { 'Content-Type': 'application/json' }),
          },
          body: request.body === undefined ? undefined : JSON.stringify(request.body),
        }),
      // Any answer but a success counts as an error, by its HTTP status.
      (response) => (response.ok ? undefined : String(response.status)),
    );
  }

  private async failure(request: Exchange, response: Response): Promise<Error> {
    const text = await response.text().catch(() => '');
    const detail = `${request.method} ${request.path}: ${response.status} ${text.slice(0, 1000)}`;
    if (response.status === 403)
      return new LoketMissingRightError(rightForActivity(request.activity), { detail });
    if (response.status === 404) return new LoketNotFoundError(request.subject, { detail });
    if (response.status === 400 || response.status === 409) {
      const body = errorBodySchema.safeParse(safeJson(text));
      const messages = body.success
        ? (body.data.messages ?? []).map((message) => message.description).filter(Boolean)
        : [];
      return new LoketRequestRefusedError(response.status, {
        detail: messages.length > 0 ? `${detail} — ${messages.join('; ')}` : detail,
      });
    }
    return new LoketUnexpectedResponseError({ detail });
  }
}

/** A body read cut off by the request's own timeout. */
function isTimeout(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'TimeoutError';
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

export function jsonAccept(version: string = LOKET_API_VERSION): string {
  return `application/json;version=${version}`;
}
