/**
 * @module options
 * Options of the Yuki sandbox, parsed with zod so the CLI (`loket-yuki sandbox yuki`) and tests share one shape.
 */
import { z } from 'zod';

export const yukiFaultsSchema = z.object({
  /** Extra milliseconds before every SOAP answer. */
  latencyMs: z.number().int().min(0).default(0),
  /** Fraction (0..1) of SOAP calls answered with a bare HTTP 503, as IIS does when the app pool is down. */
  serverErrorRate: z.number().min(0).max(1).default(0),
  /** Sessions become invalid after this many calls (0 = never), to exercise renewal. */
  sessionExpiresAfterCalls: z.number().int().min(0).default(0),
  /** Every domain's daily budget is treated as spent. */
  dailyLimitExhausted: z.boolean().default(false),
  /**
   * Operation → milliseconds its answer is held after the call took effect, e.g. `{ ProcessJournal: 5000 }`:
   * the caller may give up waiting although Yuki already booked the journal or kept the document.
   */
  slowAnswers: z.record(z.string(), z.number().int().min(0).max(600_000)).default({}),
  /**
   * GetGLAccountScheme answers with a body that is not a chart of accounts: `empty` (no accounts),
   * `garbled` (text instead of `<GlAccount>` elements) or `partial` (accounts without code/isEnabled).
   */
  malformedGlScheme: z.enum(['off', 'empty', 'garbled', 'partial']).default('off'),
  /**
   * Operation → fault texts answered, one per call and in order, before the call takes effect, e.g.
   * `{ SearchDocuments: ['Access denied: …'] }`: a transient fault once, then normal answers again.
   */
  failCalls: z.record(z.string(), z.array(z.string().min(1))).default({}),
  /**
   * SearchDocuments finds nothing, whatever it is asked: a Yuki whose search does not look where we
   * put the marker (unpublished), to exercise the unproven-search path.
   */
  searchFindsNothing: z.boolean().default(false),
});

export type YukiFaults = z.infer<typeof yukiFaultsSchema>;

export const yukiSandboxOptionsSchema = z.object({
  /** Seed for generated GUIDs and the 5xx draw, so runs are reproducible. */
  seed: z.union([z.string(), z.number()]).default('loket-yuki'),
  /** 127.0.0.1 port; 0 picks a free one. */
  port: z.number().int().min(0).max(65535).default(0),
  /** Session lifetime; Yuki documents 24 hours. */
  sessionTtlSeconds: z
    .number()
    .positive()
    .default(24 * 60 * 60),
  /** Web-service calls per domain per day; Yuki's free tier is 1,000. */
  dailyCallLimit: z.number().int().positive().default(1000),
  faults: yukiFaultsSchema.default(yukiFaultsSchema.parse({})),
});

export type YukiSandboxOptions = z.infer<typeof yukiSandboxOptionsSchema>;
export type YukiSandboxOptionsInput = z.input<typeof yukiSandboxOptionsSchema>;

/** Parses options from the CLI or a test; throws a zod error naming the bad field. */
export function parseYukiSandboxOptions(input: YukiSandboxOptionsInput = {}): YukiSandboxOptions {
  return yukiSandboxOptionsSchema.parse(input);
}
