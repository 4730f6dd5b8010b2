/**
 * @module loket/download
 * Passes a download body through without buffering it, failing once it exceeds the size cap and
 * turning a dropped connection into a retryable error. `done` runs once when the stream ends either way.
 */
import { isAppError } from '../core/errors.ts';
import { LoketDownloadTooLargeError, LoketUnavailableError } from './errors.ts';

export type LoketDownload = {
  stream: ReadableStream<Uint8Array>;
  contentType: string;
  /** As announced by Loket; null when not sent. */
  contentLength: number | null;
  fileName: string | null;
};

export function cappedStream(
  body: ReadableStream<Uint8Array>,
  maxBytes: number,
  expectedLength: number | null,
  done: () => void,
): ReadableStream<Uint8Array> {
  const reader = body.getReader();
  let received = 0;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const chunk = await reader.read();
        if (chunk.done) {
          if (expectedLength !== null && received !== expectedLength) {
            throw new LoketUnavailableError({
              detail: `download ended after ${received} of ${expectedLength} bytes`,
            });
          }
          done();
          controller.close();
          return;
        }
        received += chunk.value.byteLength;
        if (received > maxBytes) {
          await reader.cancel();
          throw new LoketDownloadTooLargeError(maxBytes, { detail: `more than ${maxBytes} bytes` });
        }
        controller.enqueue(chunk.value);
      } catch (error) {
        done();
        controller.error(
          isAppError(error)
            ? error
            : new LoketUnavailableError({ cause: error, detail: `download interrupted: ${String(error)}` }),
        );
      }
    },
    async cancel(reason) {
      done();
      await reader.cancel(reason);
    },
  });
}

/** The file name from `Content-Disposition: attachment; filename="..."`. */
export function fileNameFrom(disposition: string | null): string | null {
  if (!disposition) return null;
  const star = /filename\*\s*=\s*UTF-8''([^;]+)/i.exec(disposition)?.[1];
  if (star) return decodeURIComponent(star);
  return /filename\s*=\s*"?([^";]+)"?/i.exec(disposition)?.[1] ?? null;
}
