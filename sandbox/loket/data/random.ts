/**
 * @module random
 * Deterministic randomness: every generated value is a pure function of the seed and a label, so
 * employee 4,711 can be produced on demand without producing the 4,710 before it.
 */
import { createHash } from 'node:crypto';

/** A version-4-shaped lowercase UUID derived from the parts. */
export function uuidFrom(...parts: Array<string | number>): string {
  const hex = createHash('sha256').update(parts.join('\u0000')).digest('hex');
  const variant = ((parseInt(hex[16] ?? '0', 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** Up to 16 independent floats in [0, 1) from one hash, for generating many fields cheaply. */
export function drawsFrom(...parts: Array<string | number>): () => number {
  const digest = createHash('sha512').update(parts.join('\u0000')).digest();
  let offset = 0;
  return () => {
    if (offset >= digest.length) throw new Error('more than 16 draws from one hash');
    const value = digest.readUInt32BE(offset) / 0x1_0000_0000;
    offset += 4;
    return value;
  };
}
