import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from './logger.ts';

function capture() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { lines, stream };
}

describe('createLogger', () => {
  it('redacts secrets wherever they sit in the log object', () => {
    const { lines, stream } = capture();
    const logger = createLogger('info', stream);
    logger.info(
      {
        password: 'hunter2',
        portal: { clientSecret: 's3cr3t', name: 'Jansen' },
        req: { headers: { cookie: 'sid=x' } },
      },
      'saved',
    );
    const line = lines.join('');
    expect(line).not.toContain('hunter2');
    expect(line).not.toContain('s3cr3t');
    expect(line).not.toContain('sid=x');
    expect(line).toContain('Jansen');
    expect(line).toContain('[redacted]');
  });
});
