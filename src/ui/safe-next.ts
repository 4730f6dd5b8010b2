/**
 * @module safe-next
 * Where to go after logging in or switching language: only a path on this site, never another host.
 */
export function safeNext(value: string | undefined, fallback = '/'): string {
  return value && value.startsWith('/') && !value.startsWith('//') && !value.startsWith('/\\')
    ? value
    : fallback;
}
