/**
 * @module schema/imports
 * What the import engine remembers: one row per item it ever meant to post to Yuki (the exactly-once
 * ledger of docs/ARCHITECTURE.md, "Exactly once, as implemented"), one row per import run for progress and history, the Yuki call budget
 * per domain and day, and each Yuki administration's GL account scheme cached for a day.
 */
import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { administrations, domains } from './tenancy.ts';

import { IMPORT_KINDS, type ImportKind } from '../../core/import-kinds.ts';

export { IMPORT_KINDS, type ImportKind } from '../../core/import-kinds.ts';

export const IMPORT_ITEM_STATES = [
  'planned',
  'posting',
  'posted',
  'failed',
  'skipped',
  'waiting_quota',
  'needs_check',
] as const;
export type ImportItemState = (typeof IMPORT_ITEM_STATES)[number];

/** One line of a journal as it was posted to Yuki; one side is zero. */
export type PostedJournalLine = {
  /** yyyy-mm-dd */
  entryDate: string;
  /** The Yuki GL account code, after mapping. */
  glAccount: string;
  /** As Yuki keeps it, cut to its maximum length. */
  description: string;
  debitCents: number;
  creditCents: number;
  costCenter?: string;
};

/** Facts kept with an item beside its columns (tax-return references, the employee, warnings). */
export type ImportItemDetails = {
  employmentId?: string;
  employeeName?: string;
  payrollRunId?: string;
  paymentReference?: string;
  deadlineForPayment?: string;
  wageTaxNumber?: string;
  sequenceNumber?: number;
  warnings?: Array<{ code: string; nl: string; en: string }>;
  /** Loket's amount was refused at planning (payslips, tax returns): posting fails with this text. */
  amountRefusal?: { code: string; nl: string; en: string };
  /** Journals only: the refusal Loket was last told (MarkAsProcessingFailed), so it is told once. */
  loketFailure?: string;
  /** Journals only: what was posted, so people can check it without opening Yuki. */
  journal?: { projectCode?: string; lines: PostedJournalLine[] };
};

/**
 * One item = one Yuki document. `key` is deterministic — administration, kind, Loket object id and
 * version — and unique, so planning twice or two workers racing can never make a second row.
 */
export const importItems = pgTable(
  'import_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    key: text('key').notNull(),
    /** Short hash of `key`, embedded in the Yuki subject/remarks as `[lky:<marker>]` for reconciliation. */
    marker: text('marker').notNull(),
    administrationId: uuid('administration_id')
      .notNull()
      .references(() => administrations.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: IMPORT_KINDS }).notNull(),
    loketObjectId: text('loket_object_id').notNull(),
    version: text('version').notNull(),
    /** YYYYPP, as Loket numbers payroll periods; the period the document is dated in. */
    periodId: integer('period_id').notNull(),
    periodEndDate: text('period_end_date').notNull(),
    state: text('state', { enum: IMPORT_ITEM_STATES }).notNull().default('planned'),
    attemptId: uuid('attempt_id'),
    attempts: integer('attempts').notNull().default(0),
    claimedAt: timestamp('claimed_at', { withTimezone: true }),
    /** Refreshed by the live attempt holding the claim; a claim whose heartbeat stopped is stale. */
    heartbeatAt: timestamp('heartbeat_at', { withTimezone: true }),
    /**
     * Set just before an attempt's post call may reach Yuki; cleared only by a search that found the
     * document (posted) or a proven search that did not, Yuki refusing that very post outright, or a
     * person's answer — never by a later error (issue 11.1).
     */
    maybePostedSince: timestamp('maybe_posted_since', { withTimezone: true }),
    /** Who settled a "check in Yuki" item by hand, and when (audited too). */
    checkedBy: text('checked_by'),
    checkedAt: timestamp('checked_at', { withTimezone: true }),
    /** Parked for Yuki's quota until this moment. */
    notBefore: timestamp('not_before', { withTimezone: true }),
    subject: text('subject').notNull(),
    amountCents: bigint('amount_cents', { mode: 'number' }),
    yukiDocumentId: text('yuki_document_id'),
    /** A correction points at the item it corrects; nothing posted is ever replaced. */
    correctsItemId: uuid('corrects_item_id'),
    lastRunId: uuid('last_run_id'),
    details: jsonb('details').$type<ImportItemDetails>().notNull().default({}),
    errorCode: text('error_code'),
    errorNl: text('error_nl'),
    errorEn: text('error_en'),
    errorDetail: text('error_detail'),
    postedAt: timestamp('posted_at', { withTimezone: true }),
    /** Journal runs only: when Loket was told MarkAsProcessed / MarkAsProcessingFailed. */
    loketMarkedAt: timestamp('loket_marked_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex('import_items_key').on(table.key),
    index('import_items_administration_period').on(table.administrationId, table.periodId),
    // With the state, whether a run still has open items is one index probe (finishRunIfComplete).
    index('import_items_run').on(table.lastRunId, table.state),
    index('import_items_state').on(table.state),
    // The import status counts, per administration, what waits for a person (issue 13 P5).
    index('import_items_needs_person')
      .on(table.administrationId, table.state)
      .where(sql`${table.state} in ('failed', 'needs_check')`),
    check(
      'import_items_posted_has_document',
      sql`${table.state} <> 'posted' or ${table.yukiDocumentId} is not null or ${table.checkedAt} is not null`,
    ),
  ],
);

/**
 * Per administration, its items waiting for a person or for Yuki's quota and its newest period with items
 * (issue 13 P5). Written only by the statement triggers of migration 0015 on `import_items`, so it always
 * equals a recount; the Importstatus page sorts and filters these rows instead of a million items.
 */
export const administrationItemCounts = pgTable('administration_item_counts', {
  administrationId: uuid('administration_id')
    .primaryKey()
    .references(() => administrations.id, { onDelete: 'cascade' }),
  failed: integer('failed').notNull().default(0),
  needsCheck: integer('needs_check').notNull().default(0),
  waitingQuota: integer('waiting_quota').notNull().default(0),
  /** YYYYPP; null only before the first item. */
  lastPeriodId: integer('last_period_id'),
});

export const IMPORT_RUN_TRIGGERS = ['manual', 'schedule', 'backfill'] as const;
export const IMPORT_RUN_STATES = ['planning', 'running', 'done', 'failed'] as const;

/** Planned item counts per kind, for "done / total" progress. */
export type ImportRunTotals = Partial<Record<ImportKind, number>>;

/** One "Import now", scheduled run or backfill of one administration. */
export const importRuns = pgTable(
  'import_runs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    administrationId: uuid('administration_id')
      .notNull()
      .references(() => administrations.id, { onDelete: 'cascade' }),
    trigger: text('trigger', { enum: IMPORT_RUN_TRIGGERS }).notNull(),
    requestedBy: uuid('requested_by'),
    /** E-mail of who asked, or "scheduler". */
    requestedLabel: text('requested_label').notNull(),
    kinds: jsonb('kinds').$type<ImportKind[]>().notNull(),
    fromPeriodId: integer('from_period_id').notNull(),
    toPeriodId: integer('to_period_id').notNull(),
    dryRun: boolean('dry_run').notNull().default(false),
    state: text('state', { enum: IMPORT_RUN_STATES }).notNull().default('planning'),
    totals: jsonb('totals').$type<ImportRunTotals>().notNull().default({}),
    /** The dry-run preview or the plan's summary, one line per period. */
    summary: text('summary'),
    errorCode: text('error_code'),
    errorNl: text('error_nl'),
    errorEn: text('error_en'),
    /** Loket's or Yuki's own words behind an error, for the details fold and the operator. */
    errorDetail: text('error_detail'),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (table) => [index('import_runs_administration_started').on(table.administrationId, table.startedAt)],
);

/** Yuki web-service calls spent per Yuki domain and Yuki day, shared by every worker. */
export const yukiCallBudgets = pgTable(
  'yuki_call_budgets',
  {
    yukiDomainId: text('yuki_domain_id').notNull(),
    /** yyyy-mm-dd in Dutch time, as Yuki counts. */
    day: text('day').notNull(),
    used: integer('used').notNull().default(0),
    callLimit: integer('call_limit').notNull(),
  },
  (table) => [primaryKey({ columns: [table.yukiDomainId, table.day] })],
);

/**
 * Whether Yuki's SearchDocuments finds what we post, per Yuki domain and kind: proven by searching for
 * the first document posted (issue 10.5). Only where it does may "not found" lead to posting again.
 */
export const yukiSearchProofs = pgTable(
  'yuki_search_proofs',
  {
    yukiDomainId: text('yuki_domain_id').notNull(),
    kind: text('kind', { enum: IMPORT_KINDS }).notNull(),
    findsPosted: boolean('finds_posted').notNull(),
    /** The marker searched for, and the document it should have found. */
    marker: text('marker').notNull(),
    yukiDocumentId: text('yuki_document_id'),
    checkedAt: timestamp('checked_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.yukiDomainId, table.kind] })],
);

/** A Yuki administration's GL account scheme, cached for a day so checks cost no call per journal. */
export const yukiGlSchemes = pgTable('yuki_gl_schemes', {
  yukiAdministrationId: text('yuki_administration_id').primaryKey(),
  accounts: jsonb('accounts')
    .$type<Array<{ code: string; enabled: boolean; description: string }>>()
    .notNull(),
  fetchedAt: timestamp('fetched_at', { withTimezone: true }).notNull().defaultNow(),
});

/** One failure digest per domain per Yuki day at most; the row is claimed before the mail goes out. */
export const failureDigests = pgTable(
  'failure_digests',
  {
    domainId: uuid('domain_id')
      .notNull()
      .references(() => domains.id, { onDelete: 'cascade' }),
    day: text('day').notNull(),
    failures: integer('failures').notNull(),
    recipients: jsonb('recipients').$type<string[]>().notNull(),
    delivered: boolean('delivered').notNull().default(false),
    sentAt: timestamp('sent_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.domainId, table.day] })],
);
