import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '@clauseflow/embedded-db/testing';
import { logAppendKnownHead, logAppendWithHeadLookup, rawInsertPlusUpdate } from '../bench/throughput.ts';

let t: TestDatabase;
beforeAll(async () => {
  t = await openTestDatabase('bench');
});
afterAll(async () => t.close());

describe('the runtime bench measurements (a smoke run; `pnpm bench` prints real figures)', () => {
  it('given a few operations at 1 and 3 callers, then every series completes and reports throughput and latencies', async () => {
    for (const callers of [1, 3]) {
      for (const series of [rawInsertPlusUpdate, logAppendKnownHead, logAppendWithHeadLookup]) {
        const m = await series(t.db, { ops: 12, callers, instances: 6, label: `smoke_${callers}` });
        expect(m).toMatchObject({ ops: 12, callers });
        expect(m.opsPerSecond).toBeGreaterThan(0);
        expect(m.p99Ms).toBeGreaterThanOrEqual(m.p50Ms);
      }
    }
    expect(await t.db.collection('log_events_smoke_3').countDocuments({})).toBe(12);
  });
});
