/**
 * @module cli/status-table
 * The table `loket-yuki status` prints: one row per administration and period, one column per kind,
 * each cell the items per state. Plain text with padded columns, so it reads in a terminal and a log.
 */
import { periodKeyOf } from '../core/periods.ts';
import type { ImportItemState, ImportKind } from '../store/schema/index.ts';
import type { QuotaWaiting } from '../sync/quota-waiting.ts';
import type { AdministrationStatus, StatusCell } from '../sync/status.ts';
import { yukiDay } from '../yuki/budget.ts';

const COLUMNS: Array<[ImportKind, string]> = [
  ['payslip', 'Payslips'],
  ['journal', 'Journal'],
  ['tax_return', 'Tax return'],
];

// Settled states first, then what is still on its way, then what needs a person.
const STATES: Array<[ImportItemState, string]> = [
  ['posted', 'posted'],
  ['skipped', 'skipped'],
  ['planned', 'planned'],
  ['posting', 'posting'],
  ['waiting_quota', 'waiting for Yuki quota'],
  ['failed', 'failed'],
  ['needs_check', 'to check in Yuki'],
];

/** `12 posted, 1 failed`; `-` when the period has nothing of this kind. */
export function formatCell(cell: StatusCell | undefined): string {
  const parts = STATES.filter(([state]) => (cell?.[state] ?? 0) > 0).map(
    ([state, label]) => `${cell?.[state]} ${label}`,
  );
  return parts.length === 0 ? '-' : parts.join(', ');
}

export function formatStatusTable(statuses: AdministrationStatus[]): string {
  const rows: string[][] = [];
  for (const status of statuses) {
    const periods = Object.keys(status.periods)
      .map(Number)
      .sort((a, b) => a - b);
    periods.forEach((id, index) => {
      const period = status.periods[id] ?? {};
      rows.push([
        // The name only on an administration's first row, so its periods read as one group.
        index === 0 ? status.name : '',
        periodKeyOf(id),
        ...COLUMNS.map(([kind]) => formatCell(period[kind])),
      ]);
    });
  }
  const header = ['Administration', 'Period', ...COLUMNS.map(([, title]) => title)];
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => row[column]?.length ?? 0)),
  );
  const line = (cells: string[]) =>
    cells
      .map((cell, column) => cell.padEnd(widths[column] ?? 0))
      .join('  ')
      .trimEnd();
  return [line(header), ...rows.map(line)].join('\n');
}

export type DomainQuota = { name: string; waiting: QuotaWaiting };

/** One line per domain whose work waits for Yuki's next day; none when nothing waits. */
export function formatQuotaWaiting(domains: DomainQuota[]): string[] {
  return domains
    .filter((domain) => domain.waiting.total > 0)
    .map(({ name, waiting }) => {
      const kinds = COLUMNS.filter(([kind]) => waiting.byKind[kind] > 0)
        .map(([kind, title]) => `${waiting.byKind[kind]} ${title.toLowerCase()}`)
        .join(', ');
      return `${name}: ${waiting.total} waiting for Yuki's daily quota (${kinds}), going on from ${yukiDay(waiting.resetsAt)} 00:00 Amsterdam time`;
    });
}
