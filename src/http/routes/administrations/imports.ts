/**
 * @module routes/imports
 * Imports of an administration (`link.use`): POST starts one now, a backfill, or a dry-run preview; GET
 * lists the latest runs with each item's outcome, GET …/{runId} one run's progress. POST
 * /api/domains/{domainId}/imports queues an import for every linked administration of the domain.
 */
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { IMPORT_KINDS } from '../../../core/import-kinds.ts';
import { parsePeriodKey } from '../../../core/periods.ts';
import { importHistory } from '../../../sync/status.ts';
import { requestImport } from '../../../app/administrations/request-import.ts';
import { requestImportPreview } from '../../../app/administrations/request-import-preview.ts';
import { requestDomainImport } from '../../../app/administrations/request-domain-import.ts';
import { getRunProgress, RUN_OUTCOMES } from '../../../app/administrations/get-run-progress.ts';
import type { AppEnv } from '../../context.ts';
import { appErrorJson, errorJson, errorResponses, NOT_FOUND } from '../../errors.ts';
import { changedBy, guardAdministration, guardDomain } from '../../authorize.ts';

// The import queue takes periods of the years 1900–2999 only.
const periodKey = z.string().refine((value) => {
  const id = parsePeriodKey(value);
  return id !== null && id >= 190001 && id <= 299953;
}, 'a period such as 2026-10 (2026-13 for a 13th period)');

const ImportRequest = z
  .object({
    kinds: z.array(z.enum(IMPORT_KINDS)).min(1).optional(),
    /** A backfill of older periods; without it, the look-back window from the first period to import. */
    fromPeriod: periodKey.optional(),
    toPeriod: periodKey.optional(),
    /** Also journal runs Loket shows as exported by another application. */
    includeExported: z.boolean().optional(),
    /** Only say what would be imported. */
    dryRun: z.boolean().optional(),
  })
  .openapi('ImportRequest');

const KindCounts = z.object({
  total: z.number(),
  /** Posted, or skipped on purpose. */
  posted: z.number(),
  /** Failed for good: the item queue no longer retries them. */
  failed: z.number(),
  /** Waiting for a person to check in Yuki. */
  needsCheck: z.number(),
  /** Waiting for the next Yuki day's call quota. */
  waiting: z.number(),
  /** Planned, being posted, or failed and still retried. */
  open: z.number(),
});

/** The counts per kind, next to the run's outcome as the service page shows it. */
const Progress = z
  .object({ outcome: z.enum(RUN_OUTCOMES) })
  .catchall(KindCounts)
  .openapi('RunProgress');

const errors = { 401: errorResponses[401], 403: errorResponses[403], 404: errorResponses[404] };
const adminParams = z.object({ administrationId: z.uuid() });

const postRoute = createRoute({
  method: 'post',
  path: '/api/administrations/{administrationId}/imports',
  tags: ['imports'],
  summary: 'Import now, a backfill, or (dryRun) a preview of what would be imported',
  request: { params: adminParams, body: { content: { 'application/json': { schema: ImportRequest } } } },
  responses: {
    200: {
      description: 'Preview',
      content: { 'application/json': { schema: z.object({
            summary: z.string(),
            /** Items the import would bring to Yuki; 0: nothing to confirm. */
            importable: z.number().int(),
            /** Journal runs skipped because Loket shows them exported elsewhere (see includeExported). */
            exportedSkipped: z.number().int(),
          }),
        },
      },
    },
    202: {
      description: 'Queued',
      content: { 'application/json': { schema: z.object({ queued: z.boolean() }) } },
    },
    400: errorResponses[400],
    ...errors,
    422: errorResponses[422],
    503: errorResponses[503],
  },
});

const historyRoute = createRoute({
  method: 'get',
  path: '/api/administrations/{administrationId}/imports',
  tags: ['imports'],
  summary: 'The latest import runs and what happened to each item, errors explained',
  request: { params: adminParams },
  responses: {
    200: {
      description: 'History',
      content: {
        'application/json': {
          schema: z
            .object({
              runs: z.array(z.record(z.string(), z.unknown())),
              items: z.array(z.record(z.string(), z.unknown())),
            })
            .openapi('ImportHistory'),
        },
      },
    },
    ...errors,
  },
});

const progressRoute = createRoute({
  method: 'get',
  path: '/api/administrations/{administrationId}/imports/{runId}',
  tags: ['imports'],
  summary: "One run's outcome and its items per kind: posted, failed, to check, waiting, open",
  request: { params: adminParams.extend({ runId: z.uuid() }) },
  responses: {
    200: { description: 'Progress', content: { 'application/json': { schema: Progress } } },
    ...errors,
  },
});

const domainRoute = createRoute({
  method: 'post',
  path: '/api/domains/{domainId}/imports',
  tags: ['imports'],
  summary: 'Import now for every linked administration of the domain',
  request: { params: z.object({ domainId: z.uuid() }) },
  responses: {
    202: {
      description: 'Queued',
      content: { 'application/json': { schema: z.object({ queued: z.number().int() }) } },
    },
    ...errors,
  },
});

export function imports(app: OpenAPIHono<AppEnv>): void {
  app.openapi(postRoute, async (c) => {
    const guarded = await guardAdministration(c, c.req.valid('param').administrationId, 'link.use');
    if (!guarded.ok) return guarded.response;
    const body = c.req.valid('json');
    const options = {
      ...(body.kinds ? { kinds: body.kinds } : {}),
      ...(body.fromPeriod ? { fromPeriodId: parsePeriodKey(body.fromPeriod)! } : {}),
      ...(body.toPeriod ? { toPeriodId: parsePeriodKey(body.toPeriod)! } : {}),
      ...(body.includeExported ? { includeExported: true } : {}),
    };
    if (body.dryRun) {
      try {
        const preview = await requestImportPreview(
          { db: c.var.services.db, env: c.var.services.importEnvironment },
          changedBy(c),
          guarded.value,
          options,
        );
        return c.json(
          { summary: preview.text, importable: preview.importable, exportedSkipped: preview.exportedSkipped },
          200,
        );
      } catch (error) {
        return appErrorJson(c, error);
      }
    }
    try {
      await requestImport(c.var.services, changedBy(c), guarded.value, options);
    } catch (error) {
      return appErrorJson(c, error);
    }
    return c.json({ queued: true }, 202);
  });

  app.openapi(historyRoute, async (c) => {
    const guarded = await guardAdministration(c, c.req.valid('param').administrationId, 'link.use');
    if (!guarded.ok) return guarded.response;
    const history = await importHistory(c.var.services.db, guarded.value.administration.id);
    // Rows with dates: c.json writes them as ISO strings, the shape the schema describes.
    return c.json(history, 200);
  });

  app.openapi(progressRoute, async (c) => {
    const guarded = await guardAdministration(c, c.req.valid('param').administrationId, 'link.use');
    if (!guarded.ok) return guarded.response;
    // Only a run of this administration: the guard checked the administration, not the run id.
    const result = await getRunProgress(
      c.var.services.db,
      guarded.value.administration.id,
      c.req.valid('param').runId,
    );
    if (!result) return errorJson(c, 404, 'not_found', NOT_FOUND);
    return c.json({ ...result.progress, outcome: result.outcome } as z.infer<typeof Progress>, 200);
  });

  app.openapi(domainRoute, async (c) => {
    const guarded = await guardDomain(c, c.req.valid('param').domainId, 'link.use');
    if (!guarded.ok) return guarded.response;
    const queued = await requestDomainImport(c.var.services, changedBy(c), guarded.value);
    return c.json({ queued }, 202);
  });
}
