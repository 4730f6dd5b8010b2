import { describe, expect, it } from 'vitest';
import { MESSAGES, placeholders, translator } from './i18n.ts';
import { safeNext } from './safe-next.ts';

describe('i18n', () => {
  it('has every text in Dutch and in English, with the same placeholders', () => {
    for (const [key, entry] of Object.entries(MESSAGES)) {
      expect(entry.nl.trim(), key).not.toBe('');
      expect(entry.en.trim(), key).not.toBe('');
      expect(placeholders(entry.en), key).toEqual(placeholders(entry.nl));
    }
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    const t = translator('en');
    expect(t('overview.title', { portal: 'Jansen' })).toBe('Overview Jansen');
    expect(t('overview.title')).toBe('Overview {portal}');
    expect(translator('nl')('status.fixBy', { roles: 'Portaalbeheerder' })).toBe(
      'Kan worden geregeld door: Portaalbeheerder.',
    );
  });
});

describe('safeNext', () => {
  it('allows only paths on this site', () => {
    expect(safeNext('/portals/1?x=2')).toBe('/portals/1?x=2');
    expect(safeNext('//evil.example/x')).toBe('/');
    expect(safeNext('/\\evil.example')).toBe('/');
    expect(safeNext('https://evil.example')).toBe('/');
    expect(safeNext(undefined, '/login')).toBe('/login');
  });
});
