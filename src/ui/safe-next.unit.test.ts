import { describe, expect, it } from 'vitest';
import { safeNext, sameOriginPath } from './safe-next.ts';

describe('sameOriginPath', () => {
  it('keeps paths on this site, normalized', () => {
    expect(sameOriginPath('/portals/1?x=2#top')).toBe('/portals/1?x=2#top');
    expect(sameOriginPath('/a/../b')).toBe('/b');
    expect(sameOriginPath('/%2F/evil.example')).toBe('/%2F/evil.example');
  });

  it.each([
    ['tab after the slash (Chromium drops it)', '/\t/evil.example/'],
    ['newline after the slash', '/\n/evil.example/'],
    ['CR/LF (header injection)', '/ok\r\nSet-Cookie: x=1'],
    ['NUL', '/ok\u0000'],
    ['protocol-relative', '//evil.example/'],
    ['backslash as slash', '/\\evil.example/'],
    ['backslash later on', '/a\\..\\..\\evil'],
    ['normalizes to protocol-relative', '/.//evil.example'],
    ['dot segments to protocol-relative', '/a/..//evil.example'],
    ['absolute URL', 'https://evil.example/'],
    ['javascript URL', 'javascript:alert(1)'],
    ['relative without slash', 'evil.example'],
    ['empty', ''],
    ['missing', undefined],
    ['very long', `/${'a'.repeat(3000)}`],
  ])('refuses %s', (_name, value) => {
    expect(sameOriginPath(value)).toBeUndefined();
    expect(safeNext(value, '/home')).toBe('/home');
  });
});
