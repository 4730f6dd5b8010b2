import { describe, expect, it } from 'vitest';
import { REAL_HOSTS } from '../../platform/config.ts';
import { yukiDocumentHref, yukiLinks } from './yuki-link.tsx';

const DOCUMENT = '3f2a1c0e-0000-4000-8000-000000000001';

describe('links to documents in Yuki', () => {
  it('points at the sandbox viewer’s page of the document when YUKI_API_URL is a stand-in', () => {
    const links = yukiLinks('http://127.0.0.1:4100', 'bakkerijdevries.yukiworks.nl');
    expect(yukiDocumentHref(links, DOCUMENT)).toBe(
      `http://127.0.0.1:4100/_sandbox/viewer/documents/${DOCUMENT}`,
    );
  });

  it('points at the domain in Yuki’s web app for real Yuki, NL and BE, and at nothing without its address', () => {
    expect(yukiDocumentHref(yukiLinks(REAL_HOSTS.yukiApiUrl, 'bakkerijdevries.yukiworks.nl'), DOCUMENT)).toBe(
      'https://bakkerijdevries.yukiworks.nl',
    );
    expect(
      yukiDocumentHref(yukiLinks('https://api.yukiworks.be', 'https://acme.yukiworks.be'), DOCUMENT),
    ).toBe('https://acme.yukiworks.be');
    expect(yukiDocumentHref(yukiLinks(REAL_HOSTS.yukiApiUrl, null), DOCUMENT)).toBeUndefined();
    expect(
      yukiDocumentHref(yukiLinks(REAL_HOSTS.yukiApiUrl, 'acme.yukiworks.nl/"x'), DOCUMENT),
    ).toBeUndefined();
  });
});
