/**
 * @module demo-hints
 * In demo mode the settings pages point at the sandboxes' own pages, where the Loket client, Loket
 * users and Yuki access keys to fill in can be read. Never shown outside demo mode.
 */
import type { Config } from '../platform/config.ts';
import type { PageContext } from './page-context.ts';

export function sandboxUrls(config: Config) {
  return {
    loket: `${new URL(config.loket.production.apiUrl).origin}/_sandbox/credentials`,
    yuki: `${config.yukiApiUrl}/_sandbox/credentials`,
  };
}

export function DemoHint({
  page,
  text,
  url,
}: {
  page: PageContext;
  text: 'demo.hint.loket' | 'demo.hint.yuki' | 'demo.hint.relation';
  url?: string;
}) {
  if (!page.demo) return null;
  const [before, after] = page.t(text, { url: '\u0000' }).split('\u0000');
  return (
    <p class="demo-hint">
      {before}
      {url && <a href={url}>{url}</a>}
      {after}
    </p>
  );
}
