import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { decodeSealed, encodeSealed, open, seal } from './aead.ts';

describe('aead', () => {
  const key = randomBytes(32);

  it('round-trips through its text form', () => {
    const text = encodeSealed('v1.3', seal(key, Buffer.from('geheim wachtwoord'), 'row-1'));
    const { prefix, sealed } = decodeSealed(text);
    expect(prefix).toEqual(['v1', '3']);
    expect(open(key, sealed, 'row-1').toString()).toBe('geheim wachtwoord');
    expect(text).not.toContain('geheim');
  });

  it('refuses a ciphertext moved to another row', () => {
    const sealed = seal(key, Buffer.from('s3cret'), 'loket_connections.password|domain-1');
    expect(() => open(key, sealed, 'loket_connections.password|domain-2')).toThrow();
  });

  it('refuses a tampered ciphertext and a wrong key', () => {
    const sealed = seal(key, Buffer.from('s3cret'), 'aad');
    const tampered = { ...sealed, ciphertext: Buffer.from(sealed.ciphertext.map((byte) => byte ^ 1)) };
    expect(() => open(key, tampered, 'aad')).toThrow();
    expect(() => open(randomBytes(32), sealed, 'aad')).toThrow();
  });

  it('uses a fresh IV every time', () => {
    const a = seal(key, Buffer.from('same'), 'aad');
    const b = seal(key, Buffer.from('same'), 'aad');
    expect(a.iv.equals(b.iv)).toBe(false);
  });
});
