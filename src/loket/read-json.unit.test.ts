import { describe, expect, it } from 'vitest';
import { LoketResponseTooLargeError, readJsonCapped } from './read-json.ts';

/** A JSON body followed by endless whitespace, counting how much was pulled. */
function endless() {
  const chunk = new Uint8Array(64 * 1024).fill(0x20);
  const stats = { pulled: 0, cancelled: false };
  let first = true;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      stats.pulled += first ? 2 : chunk.length;
      controller.enqueue(first ? new TextEncoder().encode('{}') : chunk);
      first = false;
    },
    cancel() {
      stats.cancelled = true;
    },
  });
  return { response: new Response(body), stats };
}

describe('readJsonCapped', () => {
  it('reads and parses an answer within the cap', async () => {
    await expect(readJsonCapped(new Response('{"a":[1,2]}'), 1024, '/x')).resolves.toEqual({ a: [1, 2] });
  });

  it('stops reading past the cap and cancels the body', async () => {
    const { response, stats } = endless();
    const cap = 1_048_576;
    const error = await readJsonCapped(response, cap, '/providers/employers').catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(LoketResponseTooLargeError);
    expect(error).toMatchObject({ code: 'loket.response_too_large', retryable: false });
    expect((error as LoketResponseTooLargeError).text.en).toContain('larger than 1 MB');
    expect(stats.cancelled).toBe(true);
    expect(stats.pulled).toBeLessThan(cap + 3 * 64 * 1024);
  });

  it('refuses an announced Content-Length above the cap without reading', async () => {
    const { response, stats } = endless();
    const announced = new Response(response.body, { headers: { 'Content-Length': String(5_000_000) } });
    await expect(readJsonCapped(announced, 1_048_576, '/x')).rejects.toBeInstanceOf(
      LoketResponseTooLargeError,
    );
    expect(stats.pulled).toBeLessThan(3 * 64 * 1024);
  });

  it('calls a body that is not JSON an unexpected response', async () => {
    await expect(readJsonCapped(new Response('<html>'), 1024, '/x')).rejects.toMatchObject({
      code: 'loket.unexpected_response',
    });
  });
});
