import { readFileSync } from 'node:fs';
import { describe, expect, inject, it } from 'vitest';
import type {} from '../../scripts/test/chromium.ts'; // declares the provided `webBaseUrl`
import { API_TYPES_FILE, renderApiTypes } from './api-types.ts';

describe('the web app’s generated API types', () => {
  it('given the running server, when its /openapi.json is rendered, then it equals the committed openapi-types.ts (else run gen:api)', async () => {
    const response = await fetch(`${inject('webBaseUrl')}/openapi.json`);
    expect(response.status).toBe(200);
    const fresh = await renderApiTypes(await response.json());
    // A plain equality keeps the failure readable; the fix is `pnpm --filter @clauseflow/designer gen:api`.
    expect(readFileSync(API_TYPES_FILE, 'utf8') === fresh, 'designer/src/api/openapi-types.ts is stale').toBe(true);
  });
});
