/**
 * @module loket/read-json
 * Reads a Loket JSON answer under a size cap, chunk by chunk, and stops reading — cancelling the body —
 * as soon as it grows past the cap, so one absurd answer cannot take a worker's memory with it.
 */
import { AppError } from '../core/errors.ts';
import type { AppErrorOptions } from '../core/errors.ts';
import { LoketUnexpectedResponseError } from './errors.ts';

/** A page of 250 payroll results is well under a megabyte; 32 MB leaves room for any real answer. */
export const DEFAULT_MAX_JSON_BYTES = 32 * 1_048_576;

/** A JSON answer larger than the cap: refused without reading on, and not worth a retry. */
export class LoketResponseTooLargeError extends AppError {
  constructor(maxBytes: number, options: AppErrorOptions = {}) {
    const megabytes = Math.round((maxBytes / 1_048_576) * 10) / 10;
    super(
      'loket.response_too_large',
      {
        nl: `Loket stuurde een antwoord groter dan ${megabytes} MB; het is niet verder gelezen en er is niets naar Yuki gestuurd. Neem contact op met de beheerder.`,
        en: `Loket sent an answer larger than ${megabytes} MB; it was not read further and nothing was sent to Yuki. Contact the operator.`,
      },
      options,
    );
  }
}

/** The parsed JSON body; a network drop while reading surfaces as the fetch's own TypeError. */
export async function readJsonCapped(response: Response, maxBytes: number, path: string): Promise<unknown> {
  const announced = response.headers.get('Content-Length');
  if (announced !== null && Number(announced) > maxBytes) {
    await response.body?.cancel();
    throw new LoketResponseTooLargeError(maxBytes, { detail: `${path}: Content-Length ${announced}` });
  }
  const chunks: Uint8Array[] = [];
  let received = 0;
  if (response.body) {
    const reader = response.body.getReader();
    for (;;) {
      const chunk = await reader.read();
      if (chunk.done) break;
      received += chunk.value.byteLength;
      if (received > maxBytes) {
        await reader.cancel();
        throw new LoketResponseTooLargeError(maxBytes, { detail: `${path}: more than ${maxBytes} bytes` });
      }
      chunks.push(chunk.value);
    }
  }
  const bytes = new Uint8Array(received);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  const text = new TextDecoder().decode(bytes);
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new LoketUnexpectedResponseError({
      cause: error,
      detail: `${path}: not JSON: ${text.slice(0, 200)}`,
    });
  }
}
