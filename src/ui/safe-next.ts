/**
 * @module safe-next
 * Where to go after logging in or switching language: only a path on this site, never another host.
 */

// Any fixed origin will do: only whether the parsed value stays on it matters.
const BASE = new URL('http://this-site.invalid');
// Browsers drop tabs/newlines and read a backslash as a slash, so `/\t/evil` or `/\evil` leave the site.
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001f\u007f\\]/;

/**
 * The same-origin path `value` leads to, normalized as a browser would read it, or undefined when it
 * is missing, malformed or leads anywhere else.
 */
export function sameOriginPath(value: string | undefined): string | undefined {
  if (!value || value.length > 2048 || UNSAFE.test(value) || !value.startsWith('/')) return undefined;
  let url: URL;
  try {
    url = new URL(value, BASE);
  } catch {
    return undefined;
  }
  if (url.origin !== BASE.origin) return undefined;
  const path = url.pathname + url.search + url.hash;
  // `/.//evil` normalizes to `//evil`, which a Location header reads as another host.
  return path.startsWith('//') ? undefined : path;
}

export function safeNext(value: string | undefined, fallback = '/'): string {
  return sameOriginPath(value) ?? fallback;
}
