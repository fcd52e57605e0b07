/** The page to return to after sign-in: a same-origin path only (never `//host` or a URL). */
export function safeNext(next: string | null): string | undefined {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return undefined;
  if (next.startsWith('/sign-in') || next.startsWith('/setup')) return undefined;
  return next;
}
