/** Where to go after signing in: a path on this site only (never `//host` or `/\host`, which browsers treat as another site). */
export function safeNext(value: unknown): string {
  if (typeof value !== 'string' || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return '/';
  if (value.length > 2000 || [...value].some((ch) => ch.charCodeAt(0) < 0x20 || ch === '\\')) return '/';
  return value;
}
