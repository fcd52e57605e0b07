import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from './testing.ts';

/**
 * FerretDB 1.24's SQLite backend created its `_id` index on `->"_id"` but looked documents up by
 * `->'$._id'`, so SQLite scanned the whole table for every `_id` read and write. Our build patches
 * the lookup to match the index (`patches/ferretdb-v1.24.2-sqlite-id-index.patch`); this test
 * reads the query plan, so a FerretDB build that loses the fix fails here.
 */
describe('finding a document by _id on the run’s database', () => {
  let t: TestDatabase;
  let ferret: boolean;

  beforeAll(async () => {
    t = await openTestDatabase('id-index');
    const info = await t.db.admin().command({ buildInfo: 1 });
    ferret = 'ferretdb' in info;
    await t.db
      .collection<{ _id: string; n: number }>('plan')
      .insertMany(Array.from({ length: 200 }, (_, n) => ({ _id: `doc-${n}`, n })));
  });
  afterAll(async () => t.close());

  it('given a collection, when a find by _id is explained, then the plan searches the _id index instead of scanning', async () => {
    const explained = await t.db.command({ explain: { find: 'plan', filter: { _id: 'doc-150' } } });
    const plan = JSON.stringify(explained['queryPlanner']);
    if (ferret) {
      expect(plan).toMatch(/SEARCH \S+ USING INDEX/);
      expect(plan).not.toMatch(/SCAN/);
    } else {
      // Real MongoDB: an _id point query is an IDHACK / EXPRESS_IDHACK or an index scan, never a COLLSCAN.
      expect(plan).not.toContain('COLLSCAN');
    }
  });

  it('given the patched lookup, when documents are read, replaced and deleted by _id, then each hits exactly its document', async () => {
    const plan = t.db.collection<{ _id: string; n: number }>('plan');
    expect(await plan.findOne({ _id: 'doc-7' })).toEqual({ _id: 'doc-7', n: 7 });
    await plan.replaceOne({ _id: 'doc-7' }, { n: 70 });
    expect(await plan.findOne({ _id: 'doc-7' })).toEqual({ _id: 'doc-7', n: 70 });
    expect((await plan.deleteOne({ _id: 'doc-8' })).deletedCount).toBe(1);
    expect(await plan.findOne({ _id: 'doc-8' })).toBeNull();
    expect(await plan.countDocuments({})).toBe(199);
    expect(await plan.findOne({ _id: 'no-such' })).toBeNull();
  });
});
