import { describe, expect, it } from 'vitest';
import { resolveClientAddress, trustedProxyList } from './client-address.ts';

describe('resolveClientAddress', () => {
  const trusted = trustedProxyList(['127.0.0.1', '10.1.0.0/16', '::1']);

  it('ignores X-Forwarded-For from peers not named as proxies, even on loopback or a private network', () => {
    const none = trustedProxyList([]);
    expect(resolveClientAddress('127.0.0.1', '203.0.113.9', none)).toBe('127.0.0.1');
    expect(resolveClientAddress('192.168.1.20', '203.0.113.9', trusted)).toBe('192.168.1.20');
    expect(resolveClientAddress('10.2.0.5', '203.0.113.9', trusted)).toBe('10.2.0.5');
  });

  it('believes a trusted proxy, taking the right-most address it did not add itself', () => {
    expect(resolveClientAddress('127.0.0.1', '203.0.113.9', trusted)).toBe('203.0.113.9');
    expect(resolveClientAddress('::ffff:127.0.0.1', '1.2.3.4, 203.0.113.9', trusted)).toBe('203.0.113.9');
    // Two trusted hops: the client is left of both.
    expect(resolveClientAddress('127.0.0.1', '6.6.6.6, 203.0.113.9, 10.1.2.3', trusted)).toBe('203.0.113.9');
    expect(resolveClientAddress('::1', '2001:db8::7', trusted)).toBe('2001:db8::7');
  });

  it('stops at the proxy when the header holds no usable address', () => {
    expect(resolveClientAddress('127.0.0.1', '', trusted)).toBe('127.0.0.1');
    expect(resolveClientAddress('127.0.0.1', 'evil, not-an-ip', trusted)).toBe('127.0.0.1');
    expect(resolveClientAddress(undefined, '203.0.113.9', trusted)).toBe('unknown');
  });
});
