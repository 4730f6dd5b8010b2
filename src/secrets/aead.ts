/**
 * @module aead
 * AES-256-GCM with associated data. A ciphertext is bound to what it protects (the AAD names the row
 * and field), so one copied into another row or field fails to open instead of leaking there.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

const IV_BYTES = 12;
const TAG_BYTES = 16;

export type Sealed = { iv: Buffer; ciphertext: Buffer; tag: Buffer };

export function seal(key: Buffer, plaintext: Buffer, aad: string): Sealed {
  if (key.length !== 32) throw new Error('AES-256-GCM needs a 32-byte key');
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(aad, 'utf8'));
  const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return { iv, ciphertext, tag: cipher.getAuthTag() };
}

export function open(key: Buffer, sealed: Sealed, aad: string): Buffer {
  if (sealed.iv.length !== IV_BYTES || sealed.tag.length !== TAG_BYTES)
    throw new Error('malformed ciphertext');
  const decipher = createDecipheriv('aes-256-gcm', key, sealed.iv);
  decipher.setAAD(Buffer.from(aad, 'utf8'));
  decipher.setAuthTag(sealed.tag);
  return Buffer.concat([decipher.update(sealed.ciphertext), decipher.final()]);
}

/** `<prefix>.<iv>.<ciphertext>.<tag>`, base64url, so it fits a text column and a log-free dump. */
export function encodeSealed(prefix: string, sealed: Sealed): string {
  return [prefix, sealed.iv, sealed.ciphertext, sealed.tag]
    .map((part) => (typeof part === 'string' ? part : part.toString('base64url')))
    .join('.');
}

export function decodeSealed(text: string): { prefix: string[]; sealed: Sealed } {
  const parts = text.split('.');
  if (parts.length < 4) throw new Error('malformed ciphertext');
  const [iv, ciphertext, tag] = parts.slice(-3).map((part) => Buffer.from(part, 'base64url')) as [
    Buffer,
    Buffer,
    Buffer,
  ];
  return { prefix: parts.slice(0, -3), sealed: { iv, ciphertext, tag } };
}
