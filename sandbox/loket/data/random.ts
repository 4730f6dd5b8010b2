/**
 * @module random
 * Deterministic randomness: every generated value is a pure function of the seed and a label, so
 * employee 4,711 can be produced on demand without producing the 4,710 before it.
 */
import { createHash } from 'node:crypto';

/**
 * A lowercase GUID derived from the parts. Loket's spec accepts any hex GUID (the `format: uuid`
 * pattern), and real ids are not all RFC 4122: so none of ours are either — a third hash-derived
 * (version nibble 0), a third with variant nibble c or e, a third SQL Server sequential style
 * (third group `xx11`, version nibble e) — and a client that insists on RFC versions fails at once.
 */
export function uuidFrom(...parts: Array<string | number>): string {
  const hex = createHash('sha256').update(parts.join('\u0000')).digest('hex');
  const nibble = (index: number) => parseInt(hex[index] ?? '0', 16);
  const [third, variant] = [
    // Hash-derived: version nibble 0.
    [`0${hex.slice(13, 16)}`, 'c'],
    // Version 4 with a variant nibble outside 8-b.
    [`4${hex.slice(13, 16)}`, nibble(16) & 1 ? 'e' : 'c'],
    // SQL Server NEWSEQUENTIALID: byte-swapped, so the third group reads `e?11`.
    [`e${hex[13] ?? '0'}11`, ((nibble(16) & 0x3) | 0x8).toString(16)],
  ][nibble(32) % 3] as [string, string];
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${third}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
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
