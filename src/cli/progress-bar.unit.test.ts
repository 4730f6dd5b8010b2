import { describe, expect, it } from 'vitest';
import { createProgress, renderBar } from './progress-bar.ts';

describe('renderBar', () => {
  it('fills in proportion and names failures and waiting items', () => {
    expect(renderBar('payslips', { total: 12, done: 6, failed: 1, waiting: 0 }, 10)).toBe(
      'payslips    [#####-----]  6/12  1 failed',
    );
    expect(renderBar('journal', { total: 1, done: 1, failed: 0, waiting: 1 }, 4)).toBe(
      'journal     [####] 1/1  1 waiting for Yuki quota',
    );
  });

  it('shows an empty kind as complete', () => {
    expect(renderBar('tax-return', { total: 0, done: 0, failed: 0, waiting: 0 }, 4)).toBe(
      'tax-return  [####] 0/0',
    );
  });
});

describe('createProgress', () => {
  const recorder = (isTTY: boolean) => {
    const written: string[] = [];
    return { stream: { isTTY, write: (text: string) => written.push(text) }, written };
  };

  it('writes one plain line per item when the stream is not a terminal', () => {
    const { stream, written } = recorder(false);
    const progress = createProgress(stream, [
      ['payslips', 2],
      ['journal', 1],
    ]);
    progress.advance('payslips', 'done');
    progress.advance('journal', 'failed');
    expect(written).toEqual(['payslips 1/2\n', 'journal 1/1 failed\n']);
  });

  it('draws the bars once and redraws them in place on a terminal', () => {
    const { stream, written } = recorder(true);
    const progress = createProgress(stream, [
      ['payslips', 2],
      ['journal', 1],
    ]);
    progress.advance('payslips', 'done');
    expect(written).toHaveLength(2);
    expect(written[0]).toBe(
      'payslips    [--------------------] 0/2\njournal     [--------------------] 0/1\n',
    );
    expect(written[1]).toBe(
      '\x1b[2F\x1b[2Kpayslips    [##########----------] 1/2\n\x1b[2Kjournal     [--------------------] 0/1\n',
    );
  });

  it('refuses a kind it has no bar for', () => {
    const { stream } = recorder(false);
    expect(() => createProgress(stream, []).advance('journal', 'done')).toThrow(/no progress bar/);
  });
});
