import { describe, expect, it } from 'vitest';
import { cappedStream, fileNameFrom } from './download.ts';
import { LoketDownloadTooLargeError, LoketUnavailableError } from './errors.ts';

function source(chunks: number[], failAfter = false): ReadableStream<Uint8Array> {
  return new ReadableStream({
    start(controller) {
      for (const size of chunks) controller.enqueue(new Uint8Array(size));
      if (failAfter) controller.error(new TypeError('terminated'));
      else controller.close();
    },
  });
}

async function drain(stream: ReadableStream<Uint8Array>): Promise<number> {
  let total = 0;
  for await (const chunk of stream) total += chunk.byteLength;
  return total;
}

describe('cappedStream', () => {
  it('passes bytes through and reports completion once', async () => {
    let done = 0;
    expect(await drain(cappedStream(source([10, 20]), 100, 30, () => done++))).toBe(30);
    expect(done).toBe(1);
  });

  it('fails beyond the cap', async () => {
    await expect(drain(cappedStream(source([60, 60]), 100, null, () => {}))).rejects.toBeInstanceOf(
      LoketDownloadTooLargeError,
    );
  });

  it('turns a dropped connection or a short body into a retryable error', async () => {
    await expect(drain(cappedStream(source([10], true), 100, null, () => {}))).rejects.toBeInstanceOf(
      LoketUnavailableError,
    );
    await expect(drain(cappedStream(source([10]), 100, 40, () => {}))).rejects.toMatchObject({
      retryable: true,
    });
  });

  it('reads the file name from Content-Disposition', () => {
    expect(fileNameFrom('attachment; filename="Loonstrook 1001 2026-10.pdf"')).toBe(
      'Loonstrook 1001 2026-10.pdf',
    );
    expect(fileNameFrom("attachment; filename*=UTF-8''Loonstrook%20Zo%C3%AB.pdf")).toBe('Loonstrook Zoë.pdf');
    expect(fileNameFrom(null)).toBeNull();
  });
});
