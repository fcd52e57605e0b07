/**
 * Every static path of the app. The server serves designer/dist as static files only, so the
 * build writes a copy of index.html at each of these paths (vite.config.ts) so that a reload or a
 * link (the first-run link is `/setup#token=…`) opens the app. Routes carry no path parameters
 * (details go in the query string) until the server answers unknown page paths with index.html.
 */
export const ROUTE_PATHS = [
  'sign-in',
  'setup',
  'console',
  'console/users',
  'console/groups',
  'console/api-tokens',
  'console/health',
  'designer',
  'portal',
  'workspace',
] as const;
