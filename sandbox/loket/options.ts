/**
 * @module options
 * The sandbox's knobs, as one zod schema that both `startLoketSandbox` and the CLI
 * (`loket-yuki sandbox loket --port N --seed S --employers E ...`) parse with.
 */
import { z } from 'zod';

/** Faults are test-only behaviour; Loket documents none of them. All off by default. */
export const loketFaultsSchema = z.object({
  /** Added to every /v2 response. */
  latencyMs: z.coerce.number().int().min(0).max(60_000).default(0),
  /** Share of /v2 requests answered 503 with an empty body (spread evenly, not randomly). */
  serverErrorRate: z.coerce.number().min(0).max(1).default(0),
  /** Share of /v2 requests answered 429 with Retry-After. */
  rateLimitRate: z.coerce.number().min(0).max(1).default(0),
  retryAfterSeconds: z.coerce.number().int().min(0).max(3600).default(1),
  /** Access tokens die after one API request although `expires_in` promised longer. */
  earlyTokenExpiry: z.union([z.boolean(), z.stringbool()]).default(false),
  /** Share of /v2 responses whose body is cut off halfway (the connection drops). */
  truncateRate: z.coerce.number().min(0).max(1).default(0),
  /** The next N /oauth/token requests are answered 503 (and not processed). */
  tokenServerErrors: z.coerce.number().int().min(0).max(1000).default(0),
  /** Then the next N /oauth/token requests hang for `tokenHangMs` before a 504 (a client times out first). */
  tokenTimeouts: z.coerce.number().int().min(0).max(1000).default(0),
  tokenHangMs: z.coerce.number().int().min(0).max(300_000).default(65_000),
  /** Then the next N /oauth/token requests get a 200 whose body is not a token response. */
  tokenGarbled: z.coerce.number().int().min(0).max(1000).default(0),
  /** PDF downloads answer an HTML error page, still labelled `application/pdf`. */
  notPdf: z.union([z.boolean(), z.stringbool()]).default(false),
  /** JSON answers are followed by this many bytes of whitespace, streamed without a Content-Length (0 = off). */
  oversizedJsonBytes: z.coerce
    .number()
    .int()
    .min(0)
    .max(4 * 1024 ** 3)
    .default(0),
  /**
   * Every GUID in /v2 JSON answers spelled `{UPPER-CASE}`: the spec's `format: uuid` pattern
   * (`^[{(]?[0-9A-F]{8}[-]?([0-9A-F]{4}[-]?){3}[0-9A-F]{12}[)}]?$`) allows it, so a client must cope.
   */
  bracedGuids: z.union([z.boolean(), z.stringbool()]).default(false),
  /**
   * Operation (Loket activity, e.g. `GetPayrollRunsByPayrollAdministrationId`) → the `obsoleteDate`
   * its answers' `version` block announces (loket-openapi.json: `version.obsoleteDate`, format date).
   */
  obsoleteDates: z.record(z.string(), z.iso.date()).default({}),
  /**
   * The journal-run PATCH's 200 answer. The spec types its `content` as a bare object, so by default the
   * sandbox sends `content: {}`; `noContent` leaves `content` out, `journalRun` sends the whole run.
   */
  journalRunPatchAnswer: z.enum(['emptyContent', 'noContent', 'journalRun']).default('emptyContent'),
});

export type LoketFaults = z.infer<typeof loketFaultsSchema>;

export const loketSandboxOptionsSchema = z.object({
  /** 0 picks a free port. */
  port: z.coerce.number().int().min(0).max(65_535).default(0),
  seed: z.coerce.number().int().min(0).default(1),
  /** Employers; the first ones are the demo firm's, further ones are generated (weekly, monthly, 4-weekly). */
  employers: z.coerce.number().int().min(1).max(2000).optional(),
  /** Overrides the demo firm's employee counts for every payroll administration. */
  employeesPerAdministration: z.coerce.number().int().min(1).max(20_000).optional(),
  /** Also seed TEST_YEAR_EMPLOYER, a new client running its current year as a Loket test year (the demo does). */
  testYearEmployer: z.union([z.boolean(), z.stringbool()]).default(false),
  /** Months of approved payroll history before the current period. */
  months: z.coerce.number().int().min(1).max(36).default(3),
  /** Access-token lifetime; Loket's is 3599 s, tests use a few seconds. */
  tokenTtlSeconds: z.coerce.number().int().min(1).max(86_400).default(3599),
  /** The sandbox's "today" (ISO date); the current payroll period contains it. Defaults to the real date. */
  today: z.iso.date().optional(),
  faults: loketFaultsSchema.default(loketFaultsSchema.parse({})),
  /** The redirect URI registered for the sandbox's OAuth client; /authorize accepts only this one. */
  redirectUri: z.url().default('http://localhost:3000/loket/oauth/callback'),
});

export type LoketSandboxOptions = z.input<typeof loketSandboxOptionsSchema>;
export type ResolvedLoketSandboxOptions = z.output<typeof loketSandboxOptionsSchema>;
