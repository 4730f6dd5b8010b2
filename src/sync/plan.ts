/**
 * @module sync/plan
 * What Loket has and Yuki lacks for one administration and window: approved payroll runs (one payslip
 * per employment), journal runs with results, confirmed or sent tax returns. The window is the current
 * and N previous periods, never before the administration's first period, unless a backfill names its
 * own. Journal runs Loket shows as exported by another application are skipped unless included; what
 * Loket marks as a test year is skipped for as long as Loket marks it so.
 */
import { randomUUID } from 'node:crypto';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { PayrollPeriod, PeriodKind } from '../core/periods.ts';
import {
  lookbackWindow,
  payrollPeriod,
  periodContaining,
  periodId,
  periodKey,
  periodLabel,
} from '../core/periods.ts';
import type { AppError } from '../core/errors.ts';
import { queryRows, type Database } from '../store/database.ts';
import { inJsonArray, jsonRowsSelect } from '../store/json-rows.ts';
import type { ImportItemDetails, ImportItemState, ImportKind } from '../store/schema/index.ts';
import { importItems } from '../store/schema/index.ts';
import { correctionFinder, correctionSubject } from './corrections.ts';
import type { ItemIdentity } from './item-key.ts';
import { itemKey, itemMarker, markerTag } from './item-key.ts';
import { initialState, statesLeadingTo, transition, transitionFrom } from './item-states.ts';
import type { LinkContext } from './link-context.ts';
import type { PayslipResult, PeriodDates } from './ports.ts';
import { inPostingOrder } from './posting-order.ts';

export type PlanRequest = {
  kinds?: ImportKind[];
  /** Backfill: an explicit window (YYYYPP) that may reach before the administration's first period. */
  fromPeriodId?: number;
  toPeriodId?: number;
  /** Also import journal runs Loket shows as exported by another application. */
  includeExported?: boolean;
  /** yyyy-mm-dd; the current period contains it. */
  today: string;
};

export type DiscoveredItem = {
  identity: ItemIdentity;
  key: string;
  marker: string;
  period: PayrollPeriod;
  baseSubject: string;
  amountCents: number | null;
  details: ImportItemDetails;
  exportedElsewhere: boolean;
  /** Loket marks its period as part of a test year: test data, never posted. */
  testYear: boolean;
};

export type Discovery = { fromPeriodId: number; toPeriodId: number; items: DiscoveredItem[] };

const EXPORTED_ELSEWHERE = {
  errorCode: 'sync.exported_elsewhere',
  errorNl:
    'Loket meldt deze journaalrun als al geëxporteerd door een andere toepassing; overgeslagen zodat hij niet dubbel in Yuki komt. Neem hem bewust mee als dat toch moet.',
  errorEn:
    'Loket shows this journal run as already exported by another application; skipped so it does not reach Yuki twice. Include it on purpose if it must be imported.',
};

/** The skip of a test year; the code is how a later plan recognises it and lifts it. */
export const TEST_YEAR_CODE = 'sync.test_year';
const TEST_YEAR = {
  errorCode: TEST_YEAR_CODE,
  errorNl:
    'testjaar — niet geïmporteerd: Loket markeert deze periode als testjaar, dus dit zijn testgegevens en geen echte loonadministratie. Zodra Loket het jaar niet meer als testjaar markeert, wordt het gewoon geïmporteerd.',
  errorEn:
    'test year — not imported: Loket marks this period as part of a test year, so this is test data, not actual payroll. Once Loket no longer marks the year as a test year, it is imported as usual.',
};

/** Loket's unusable amount travels with the item, so its attempt fails with the reason, posting nothing. */
function refusalOf(error: AppError | undefined): Pick<ImportItemDetails, 'amountRefusal'> {
  return error ? { amountRefusal: { code: error.code, nl: error.text.nl, en: error.text.en } } : {};
}

function datedPeriod(kind: PeriodKind, dates: PeriodDates): PayrollPeriod {
  const number = dates.number ?? periodContaining(kind, dates.endDate).number;
  return payrollPeriod(kind, dates.year, number, { startDate: dates.startDate, endDate: dates.endDate });
}

function discovered(
  link: LinkContext,
  kind: ImportKind,
  loketObjectId: string,
  version: string,
  period: PayrollPeriod,
  fields: Pick<DiscoveredItem, 'baseSubject' | 'amountCents' | 'details' | 'testYear'> & {
    exportedElsewhere?: boolean;
  },
): DiscoveredItem {
  const identity = { administrationId: link.administrationId, kind, loketObjectId, version };
  const key = itemKey(identity);
  return { identity, key, marker: itemMarker(key), period, exportedElsewhere: false, ...fields };
}

/** Asks Loket what exists in the window; touches neither our database nor Yuki. */
export async function discoverItems(link: LinkContext, request: PlanRequest): Promise<Discovery> {
  const kind = await link.periodKind();
  const window = lookbackWindow(kind, request.today, link.lookbackPeriods);
  const backfill = request.fromPeriodId !== undefined;
  const fromPeriodId = backfill
    ? (request.fromPeriodId ?? 0)
    : Math.max(periodId(window.from), link.importFromPeriodId ?? 0);
  const toPeriodId = request.toPeriodId ?? periodId(window.to);
  const inWindow = (id: number) => id >= fromPeriodId && id <= toPeriodId;
  const kinds = new Set(request.kinds ?? link.kinds);
  const loket = link.loket;
  const items: DiscoveredItem[] = [];

  // A run that corrects earlier periods stays dated on the latest period its results carry.
  const runPeriods = new Map<string, PayrollPeriod | null>();
  const latestPeriod = (results: PayslipResult[]): PayrollPeriod | null => {
    const latest = results
      .flatMap((r) => r.periods)
      .sort((a, b) => a.endDate.localeCompare(b.endDate))
      .at(-1);
    return latest ? datedPeriod(kind, latest) : null;
  };
  const resultsOf = async (payrollRunId: string) => {
    const results = await loket.payslipResults(payrollRunId, link.netPayComponentKey);
    runPeriods.set(payrollRunId, latestPeriod(results));
    return results;
  };

  if (kinds.has('payslip')) {
    const runs = (await loket.approvedPayrollRuns(link.loketPayrollAdministrationId))
      .filter((run) => inWindow(run.year * 100 + run.periodNumber))
      .sort(
        (a, b) =>
          a.year * 100 + a.periodNumber - (b.year * 100 + b.periodNumber) ||
          (a.sequenceNumber ?? 0) - (b.sequenceNumber ?? 0),
      );
    const names =
      runs.length > 0 ? await loket.employeeNames(link.loketEmployerId) : new Map<string, string>();
    for (const run of runs) {
      for (const result of await resultsOf(run.id)) {
        const period = latestPeriod([result]) ?? payrollPeriod(kind, run.year, run.periodNumber);
        const employeeName = names.get(result.employmentId) ?? `dienstverband ${result.employmentId}`;
        items.push(
          discovered(link, 'payslip', `${run.id}/${result.employmentId}`, '1', period, {
            baseSubject: `Loonstrook ${employeeName}, ${periodLabel(period)}`,
            amountCents: result.netPay,
            details: {
              employmentId: result.employmentId,
              employeeName,
              payrollRunId: run.id,
              ...refusalOf(result.amountRefusal),
            },
            testYear: result.periods.some((p) => p.testYear),
          }),
        );
      }
    }
  }

  if (kinds.has('journal')) {
    const runs = (await loket.journalRuns(link.loketPayrollAdministrationId)).filter((run) =>
      inWindow(periodId(datedPeriod(kind, run.period))),
    );
    const dated = [];
    for (const run of runs) {
      if (!runPeriods.has(run.payrollRunId)) await resultsOf(run.payrollRunId);
      dated.push({ run, period: runPeriods.get(run.payrollRunId) ?? datedPeriod(kind, run.period) });
    }
    dated.sort(
      (a, b) => periodId(a.period) - periodId(b.period) || a.run.sequenceNumber - b.run.sequenceNumber,
    );
    for (const { run, period } of dated) {
      items.push(
        discovered(link, 'journal', run.id, String(run.sequenceNumber), period, {
          baseSubject: `Loonjournaalpost ${periodLabel(period)}${run.sequenceNumber > 1 ? ` (journaalrun ${run.sequenceNumber})` : ''}`,
          amountCents: null,
          details: { payrollRunId: run.payrollRunId, sequenceNumber: run.sequenceNumber },
          exportedElsewhere: run.status === 7,
          testYear: run.period.testYear,
        }),
      );
    }
  }

  if (kinds.has('tax_return')) {
    const returns = (await loket.taxReturns(link.loketPayrollAdministrationId))
      .map((taxReturn) => ({ taxReturn, period: datedPeriod(kind, taxReturn.period) }))
      .filter(({ period }) => inWindow(periodId(period)))
      .sort(
        (a, b) =>
          periodId(a.period) - periodId(b.period) || a.taxReturn.sequenceNumber - b.taxReturn.sequenceNumber,
      );
    const testYears =
      returns.length > 0 ? await loket.testYears(link.loketPayrollAdministrationId) : new Set<number>();
    for (const { taxReturn, period } of returns) {
      items.push(
        discovered(link, 'tax_return', taxReturn.id, String(taxReturn.sequenceNumber), period, {
          baseSubject: `Loonaangifte ${periodLabel(period)}${taxReturn.sequenceNumber > 1 ? ` (aangifte ${taxReturn.sequenceNumber})` : ''}`,
          amountCents: taxReturn.totalAmount,
          details: {
            paymentReference: taxReturn.paymentReference,
            deadlineForPayment: taxReturn.deadlineForPayment,
            wageTaxNumber: taxReturn.wageTaxNumber,
            sequenceNumber: taxReturn.sequenceNumber,
            ...refusalOf(taxReturn.amountRefusal),
          },
          testYear: testYears.has(taxReturn.period.year),
        }),
      );
    }
  }
  return { fromPeriodId, toPeriodId, items };
}

const existingColumns = {
  id: importItems.id,
  key: importItems.key,
  state: importItems.state,
  kind: importItems.kind,
  periodId: importItems.periodId,
  loketMarkedAt: importItems.loketMarkedAt,
  errorCode: importItems.errorCode,
  details: importItems.details,
};
type Existing = {
  id: string;
  key: string;
  state: ImportItemState;
  kind: ImportKind;
  periodId: number;
  loketMarkedAt: Date | null;
  errorCode: string | null;
  details: ImportItemDetails;
};

/** An item a run works on, with what its posting order needs. */
export type PlannedItem = { id: string; kind: ImportKind; periodId: number };

async function existingByKey(db: Database, keys: string[]): Promise<Map<string, Existing>> {
  if (keys.length === 0) return new Map();
  const rows = await db.select(existingColumns).from(importItems).where(inJsonArray(importItems.key, keys));
  return new Map(rows.map((row) => [row.key, row]));
}

const skippedForTestYear = (row: Existing | undefined) =>
  row?.state === 'skipped' && row.errorCode === TEST_YEAR_CODE;

/** Why a plan leaves the item out, if it does; a test-year skip lasts only while Loket marks the year. */
function skipReason(
  item: DiscoveredItem,
  existing: Existing | undefined,
  includeExported: boolean,
): 'test_year' | 'exported' | null {
  if (item.testYear) return 'test_year';
  if (existing && !skippedForTestYear(existing))
    return existing.state === 'skipped' && !includeExported ? 'exported' : null;
  return item.exportedElsewhere && !includeExported ? 'exported' : null;
}

const NOUNS: Record<ImportKind, [string, string]> = {
  payslip: ['loonstrook', 'loonstroken'],
  journal: ['journaalpost', 'journaalposten'],
  tax_return: ['loonaangifte', 'loonaangiften'],
};

/** What a preview found: its Dutch text, how many items it would import, how many exported runs it skips. */
export type Preview = { text: string; importable: number; exportedSkipped: number };

/** "2026-08: 23 loonstroken, 1 journaalpost, 1 loonaangifte" per period, for what is not yet in Yuki. */
export async function previewText(
  db: Database,
  discovery: Discovery,
  includeExported = false,
): Promise<string> {
  return (await previewOf(db, discovery, includeExported)).text;
}

/**
 * The preview: per period what would be imported, then the periods whose items are all in Yuki already
 * (so a backfilled period does not vanish), test years, and the journal runs exported elsewhere.
 */
export async function previewOf(
  db: Database,
  discovery: Discovery,
  includeExported = false,
): Promise<Preview> {
  const existing = await existingByKey(
    db,
    discovery.items.map((i) => i.key),
  );
  const byPeriod = new Map<string, Map<ImportKind, number>>();
  const postedByPeriod = new Map<string, Map<ImportKind, number>>();
  const testYearByPeriod = new Map<string, Map<ImportKind, number>>();
  const count = (into: Map<string, Map<ImportKind, number>>, item: DiscoveredItem) => {
    const counts = into.get(periodKey(item.period)) ?? new Map<ImportKind, number>();
    counts.set(item.identity.kind, (counts.get(item.identity.kind) ?? 0) + 1);
    into.set(periodKey(item.period), counts);
  };
  let skipped = 0;
  let importable = 0;
  for (const item of discovery.items) {
    const known = existing.get(item.key);
    if (known?.state === 'posted') {
      count(postedByPeriod, item);
      continue;
    }
    const reason = skipReason(item, known, includeExported);
    if (reason === 'test_year') count(testYearByPeriod, item);
    else if (reason === 'exported') skipped += 1;
    else {
      importable += 1;
      count(byPeriod, item);
    }
  }
  const perPeriod = (counted: Map<string, Map<ImportKind, number>>) =>
    [...counted.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([key, counts]) => {
        const parts = (['payslip', 'journal', 'tax_return'] as const)
          .filter((kind) => counts.has(kind))
          .map((kind) => {
            const n = counts.get(kind) ?? 0;
            return `${n} ${NOUNS[kind][n === 1 ? 0 : 1]}`;
          });
        return { key, parts: parts.join(', ') };
      });
  const lines = perPeriod(byPeriod).map(({ key, parts }) => `${key}: ${parts}`);
  if (lines.length === 0) lines.push('Niets te importeren.');
  for (const { key, parts } of perPeriod(postedByPeriod))
    if (!byPeriod.has(key)) lines.push(`${key}: al in Yuki (${parts}).`);
  for (const { key, parts } of perPeriod(testYearByPeriod))
    lines.push(`${key}: testjaar — niet geïmporteerd (${parts}).`);
  // GetJournalRunsByPayrollAdministrationId gives only journalRunStatus 7 "Journaal geëxporteerd": no application, no date.
  if (skipped > 0)
    lines.push(
      `${skipped} ${skipped === 1 ? 'journaalrun' : 'journaalruns'} overgeslagen: al geëxporteerd door een andere toepassing (Loket meldt niet welke).`,
    );
  return { text: lines.join('\n'), importable, exportedSkipped: skipped };
}

/** Rows per insert statement (one JSON parameter), so no statement holds all of a big employer. */
const INSERT_CHUNK = 1000;

/** An inserted row as the database answers it (raw SQL: column names, driver values). */
type ExistingRow = {
  id: string;
  key: string;
  state: ImportItemState;
  kind: ImportKind;
  period_id: number;
  loket_marked_at: string | null;
  error_code: string | null;
  details: unknown;
};

function existingFromRow(row: ExistingRow): Existing {
  return {
    id: row.id,
    key: row.key,
    state: row.state,
    kind: row.kind,
    periodId: row.period_id,
    loketMarkedAt:
      row.loket_marked_at === null
        ? null
        : (importItems.loketMarkedAt.mapFromDriverValue(row.loket_marked_at) as Date),
    errorCode: row.error_code,
    details: importItems.details.mapFromDriverValue(row.details) as ImportItemDetails,
  };
}

/**
 * Inserts newly discovered items, in sets, each linked to what it corrects; a racing planner's row wins
 * quietly. Answers the row now stored under each key.
 */
async function insertItems(
  db: Database,
  fresh: readonly DiscoveredItem[],
  includeExported: boolean,
): Promise<Map<string, Existing>> {
  const stored = new Map<string, Existing>();
  if (fresh.length === 0) return stored;
  const corrections = await correctionFinder(
    db,
    fresh[0]!.identity.administrationId,
    fresh.map((item) => ({
      kind: item.identity.kind,
      periodId: periodId(item.period),
      employmentId: item.details.employmentId,
    })),
  );
  const now = Date.now();
  const inGroup = new Map<string, number>();
  const rows = fresh.map((item) => {
    const candidate = {
      kind: item.identity.kind,
      periodId: periodId(item.period),
      employmentId: item.details.employmentId,
    };
    const corrected = corrections.find(candidate);
    const base = corrected ? correctionSubject(item.baseSubject, corrected) : item.baseSubject;
    const reason = skipReason(item, undefined, includeExported);
    const id = randomUUID();
    // A later item of the same group is created later, so "the latest" stays the one discovered last.
    const group = `${candidate.kind}|${candidate.periodId}|${candidate.employmentId ?? ''}`;
    const rank = inGroup.get(group) ?? 0;
    inGroup.set(group, rank + 1);
    if (!reason) corrections.added(candidate, { id, marker: item.marker });
    return {
      id,
      key: item.key,
      marker: item.marker,
      administrationId: item.identity.administrationId,
      kind: item.identity.kind,
      loketObjectId: item.identity.loketObjectId,
      version: item.identity.version,
      periodId: candidate.periodId,
      periodEndDate: item.period.endDate,
      state: initialState(reason ? 'skipped' : 'planned'),
      subject: `${base} ${markerTag(item.marker)}`,
      amountCents: item.amountCents,
      correctsItemId: corrected?.id ?? null,
      details: item.details,
      createdAt: new Date(now + rank),
      updatedAt: new Date(now),
      ...(reason === 'test_year' ? TEST_YEAR : reason === 'exported' ? EXPORTED_ELSEWHERE : {}),
    };
  });
  for (let at = 0; at < rows.length; at += INSERT_CHUNK) {
    const inserted = await queryRows<ExistingRow>(
      db,
      sql`insert into ${importItems} ${jsonRowsSelect(importItems, rows.slice(at, at + INSERT_CHUNK))}
        on conflict (key) do nothing
        returning id, key, state, kind, period_id, loket_marked_at, error_code, details`,
    );
    for (const row of inserted) stored.set(row.key, existingFromRow(row));
  }
  const raced = rows.filter((row) => !stored.has(row.key));
  if (raced.length === 0) return stored;
  for (const row of await db
    .select(existingColumns)
    .from(importItems)
    .where(
      inArray(
        importItems.key,
        raced.map((r) => r.key),
      ),
    ))
    stored.set(row.key, row);
  // Our rows may name a raced row by the id we meant to give it: point them at the row that won.
  for (const mine of raced) {
    const winner = stored.get(mine.key);
    if (winner)
      await db
        .update(importItems)
        .set({ correctsItemId: winner.id })
        .where(eq(importItems.correctsItemId, mine.id));
  }
  return stored;
}

/**
 * Keeps a known item's skip in step with Loket's test-year mark: marked now → skipped (unless already
 * posted or being posted); no longer marked → planned again, or skipped as exported elsewhere.
 */
async function followTestYear(
  db: Database,
  item: DiscoveredItem,
  row: Existing,
  includeExported: boolean,
): Promise<Existing> {
  const guardedUpdate = async (from: ImportItemState[], values: Partial<typeof importItems.$inferInsert>) => {
    const [updated] = await db
      .update(importItems)
      .set({ ...values, updatedAt: new Date() })
      .where(and(eq(importItems.id, row.id), inArray(importItems.state, from)))
      .returning(existingColumns);
    return updated ?? row;
  };
  if (item.testYear && row.state !== 'skipped' && statesLeadingTo('skipped').includes(row.state)) {
    const move = transitionFrom(statesLeadingTo('skipped'), 'skipped');
    return guardedUpdate(move.from, { state: move.to, ...TEST_YEAR });
  }
  if (item.testYear && row.state === 'skipped' && row.errorCode !== TEST_YEAR_CODE)
    return guardedUpdate(['skipped'], TEST_YEAR);
  if (!item.testYear && skippedForTestYear(row)) {
    const exported = item.exportedElsewhere && !includeExported;
    const lift = transition('skipped', 'planned');
    return guardedUpdate(
      [lift.from],
      exported
        ? EXPORTED_ELSEWHERE
        : { state: lift.to, errorCode: null, errorNl: null, errorEn: null, errorDetail: null },
    );
  }
  return row;
}

/**
 * An item not yet posted takes Loket's current verdict on its amount: a refusal that appeared is kept
 * (its attempt then fails with it), one Loket has since corrected is dropped along with the old amount.
 */
async function followAmountRefusal(db: Database, item: DiscoveredItem, row: Existing): Promise<Existing> {
  const now = item.details.amountRefusal;
  const before = row.details.amountRefusal;
  // Compared field by field: jsonb does not keep the key order JSON.stringify would compare.
  if (before?.code === now?.code && before?.nl === now?.nl && before?.en === now?.en) return row;
  const { amountRefusal: _old, ...details } = row.details;
  const [updated] = await db
    .update(importItems)
    .set({
      amountCents: item.amountCents,
      details: now ? { ...details, amountRefusal: now } : details,
      updatedAt: new Date(),
    })
    .where(and(eq(importItems.id, row.id), inArray(importItems.state, ['planned', 'failed'])))
    .returning(existingColumns);
  return updated ?? row;
}

/**
 * Records the discovered items (the unique key makes this safe to repeat and to race) and answers the
 * those that still need work — not yet posted, or a journal whose outcome Loket has not heard —
 * in posting order (posting-order.ts), the order in which they should spend Yuki's budget.
 */
export async function savePlan(
  db: Database,
  discovery: Discovery,
  options: { runId: string; includeExported?: boolean },
): Promise<PlannedItem[]> {
  const includeExported = options.includeExported ?? false;
  const known = await existingByKey(
    db,
    discovery.items.map((i) => i.key),
  );
  const fresh = [
    ...new Map(discovery.items.filter((i) => !known.has(i.key)).map((i) => [i.key, i])).values(),
  ];
  const inserted = await insertItems(db, fresh, includeExported);
  const toRun: PlannedItem[] = [];
  for (const item of discovery.items) {
    let row = known.get(item.key) ?? inserted.get(item.key);
    if (row) row = await followTestYear(db, item, row, includeExported);
    if (row) row = await followAmountRefusal(db, item, row);
    if (includeExported && item.exportedElsewhere && !item.testYear) {
      const lift = transition('skipped', 'planned');
      const [included] = await db
        .update(importItems)
        .set({ state: lift.to, errorCode: null, errorNl: null, errorEn: null, updatedAt: new Date() })
        // Only a skip is lifted: a journal waiting for a person's check in Yuki stays with that person.
        .where(and(eq(importItems.key, item.key), eq(importItems.state, lift.from)))
        .returning(existingColumns);
      row = included ?? row;
    }
    if (!row) continue;
    const unmarkedJournal = row.state === 'posted' && row.kind === 'journal' && row.loketMarkedAt === null;
    if ((row.state === 'posted' || row.state === 'skipped') && !unmarkedJournal) continue;
    toRun.push({ id: row.id, kind: row.kind, periodId: row.periodId });
  }
  // Only items this run works on carry its id, so its progress counts exactly them.
  if (toRun.length > 0)
    await db
      .update(importItems)
      .set({ lastRunId: options.runId })
      .where(
        inJsonArray(
          importItems.id,
          toRun.map((item) => item.id),
        ),
      );
  return inPostingOrder(toRun);
}
