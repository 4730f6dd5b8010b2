/**
 * @module cli/progress-bar
 * Done / total per kind while `loket-yuki import` works: bars redrawn in place on a terminal, one plain
 * line per finished item otherwise, so a log file or CI output stays readable.
 */

export type Tally = { total: number; done: number; failed: number; waiting: number };

/** `payslips   [##########----------]  6/12  1 failed`. */
export function renderBar(label: string, tally: Tally, width = 20): string {
  const filled = tally.total === 0 ? width : Math.round((tally.done / tally.total) * width);
  const notes = [
    tally.failed > 0 ? `${tally.failed} failed` : '',
    tally.waiting > 0 ? `${tally.waiting} waiting for Yuki quota` : '',
  ].filter(Boolean);
  const count = `${tally.done}/${tally.total}`.padStart(2 * String(tally.total).length + 1);
  return [`${label.padEnd(11)} [${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${count}`, ...notes].join(
    '  ',
  );
}

export type ProgressStream = { isTTY?: boolean; write(text: string): unknown };

export type Progress = {
  /** Counts one finished item of `label` and shows it. */
  advance(label: string, result: 'done' | 'failed' | 'waiting'): void;
};

export function createProgress(
  stream: ProgressStream,
  totals: Array<[label: string, total: number]>,
): Progress {
  const tallies = new Map<string, Tally>(
    totals.map(([label, total]) => [label, { total, done: 0, failed: 0, waiting: 0 }]),
  );
  const lines = () => [...tallies].map(([label, tally]) => renderBar(label, tally));
  // Cursor up to the first bar, then each line cleared and rewritten.
  const redraw = () =>
    stream.write(
      `\x1b[${tallies.size}F${lines()
        .map((l) => `\x1b[2K${l}\n`)
        .join('')}`,
    );
  if (stream.isTTY)
    stream.write(
      lines()
        .map((l) => `${l}\n`)
        .join(''),
    );
  return {
    advance(label, result) {
      const tally = tallies.get(label);
      if (!tally) throw new Error(`no progress bar for ${label}`);
      tally.done += 1;
      if (result === 'failed') tally.failed += 1;
      if (result === 'waiting') tally.waiting += 1;
      if (stream.isTTY) redraw();
      else stream.write(`${label} ${tally.done}/${tally.total}${result === 'done' ? '' : ` ${result}`}\n`);
    },
  };
}
