/**
 * @module conventions
 * Loket's response conventions: Accept-header version resolution, the list and detail envelopes,
 * and the exact 400/401/403/404 bodies.
 */

/** Resource versions an operation offers, oldest first (from the official spec). */
export type Versions = readonly string[];

export type AcceptResolution =
  { kind: 'json'; version: string } | { kind: 'pdf' } | { kind: 'error'; message: string };

/**
 * Picks the newest version dated on or before the requested one; without a version, the newest.
 * `application/pdf` is honoured only where the operation serves PDF.
 */
export function resolveAccept(
  accept: string | undefined,
  versions: Versions,
  servesPdf = false,
): AcceptResolution {
  if (!accept || !accept.trim()) return { kind: 'error', message: 'The Accept header is mandatory.' };
  for (const part of accept.split(',')) {
    const [type = '', ...parameters] = part.split(';').map((piece) => piece.trim());
    const mediaType = type.toLowerCase();
    if (mediaType === 'application/pdf' && servesPdf) return { kind: 'pdf' };
    if (versions.length === 0) continue;
    if (mediaType !== 'application/json' && mediaType !== '*/*' && mediaType !== 'application/*') continue;
    const requested = parameters
      .map((parameter) => /^version\s*=\s*"?([^"]+)"?$/i.exec(parameter)?.[1])
      .find((value) => value !== undefined);
    if (requested === undefined) return { kind: 'json', version: versions.at(-1) ?? '2018-01-01' };
    if (!/^\d{4}-\d{2}-\d{2}$/.test(requested))
      return { kind: 'error', message: `Invalid resource version '${requested}'.` };
    const version = versions.filter((candidate) => candidate <= requested).at(-1);
    if (!version)
      return { kind: 'error', message: `No version of this resource exists on or before ${requested}.` };
    return { kind: 'json', version };
  }
  return { kind: 'error', message: `The requested media type is not supported: ${accept}` };
}

export function jsonContentType(version: string): string {
  return `application/json;version=${version}`;
}

export type LoketMessage = {
  code: number;
  id: string | null;
  type: string;
  description: string;
  properties: string[];
};

function versionBlock(version: string) {
  return { obsoleteDate: null, resourceVersion: version };
}

/** `{ totalSize, pageSize, totalPages, currentPage, version, messages, _embedded }` */
export function listEnvelope<T>(
  page: { items: T[]; totalSize: number; pageSize: number; pageNumber: number },
  version: string,
) {
  return {
    totalSize: page.totalSize,
    pageSize: page.pageSize,
    totalPages: Math.ceil(page.totalSize / page.pageSize),
    currentPage: page.pageNumber,
    version: versionBlock(version),
    messages: [] as LoketMessage[],
    _embedded: page.items,
  };
}

/** `{ version, messages, content }` */
export function detailEnvelope<T>(content: T, version: string) {
  return { version: versionBlock(version), messages: [] as LoketMessage[], content };
}

/** The 400 body: the version block and the messages that explain what was wrong. */
export function badRequestBody(description: string, version = '2018-01-01') {
  return {
    version: versionBlock(version),
    messages: [
      { code: 400, id: null, type: 'BrokenBusinessRule', description, properties: [] },
    ] satisfies LoketMessage[],
  };
}

export const UNAUTHORIZED_BODY = { message: 'Authorization has been denied for this request.' } as const;

export const FORBIDDEN_BODY = {
  message:
    'Insufficient rights for this request, reason "User doesn\'t have rechten to perform activity for the given Id."',
} as const;
