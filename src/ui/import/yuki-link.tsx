/**
 * @module yuki-link
 * Where a person sees a document we posted, derived from `YUKI_API_URL`: Yuki's web app when the
 * service talks to real Yuki, the read-only viewer of the sandbox when it talks to that stand-in.
 */
import type { PageContext } from '../page-context.ts';

export type YukiLinks = { to: 'yuki'; domainUrl: string | null } | { to: 'sandbox'; viewerUrl: string };

const REAL_YUKI = /^https:\/\/api\.yukiworks\.(nl|be)$/;
/** The domain address as Yuki's Domains call gives it, e.g. `acme.yukiworks.nl`; nothing else is linked. */
const HOST = /^[a-z0-9-]+(\.[a-z0-9-]+)+$/i;

export function yukiLinks(yukiApiUrl: string, domainUrl: string | null): YukiLinks {
  if (REAL_YUKI.test(yukiApiUrl)) return { to: 'yuki', domainUrl };
  return { to: 'sandbox', viewerUrl: `${yukiApiUrl}/_sandbox/viewer` };
}

/** The address of one document, or undefined when there is none to give. */
export function yukiDocumentHref(links: YukiLinks, documentId: string): string | undefined {
  if (links.to === 'sandbox') return `${links.viewerUrl}/documents/${encodeURIComponent(documentId)}`;
  // Yuki publishes no address of a document or an administration, only of the domain: link there.
  const host = links.domainUrl?.replace(/^https?:\/\//, '').replace(/\/+$/, '');
  return host && HOST.test(host) ? `https://${host}` : undefined;
}

type LinkProps = { page: PageContext; links: YukiLinks; documentId: string; label?: string };

/** The document by its subject (people do not read GUIDs), linked to where it can be seen; the id in the title. */
export function YukiDocumentLink({ page, links, documentId, label }: LinkProps) {
  const href = yukiDocumentHref(links, documentId);
  if (!href) return <>{label ?? documentId}</>;
  const title = page.t(links.to === 'sandbox' ? 'import.viewer' : 'import.openYuki');
  return (
    <a href={href} title={`${title} (${documentId})`}>
      {label ?? documentId}
    </a>
  );
}
