import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from './testing.ts';

/**
 * Our FerretDB build (patches/) reads through indexes where upstream 1.24 scans whole tables on
 * SQLite: an `_id` lookup spelled as the `_id` index is built, and top-level equality on strings
 * (`v`, `{$eq: v}`, `{$in: [...]}`) pushed down as "equal, or an array" so the index narrows
 * the rows and FerretDB's own filter still decides every match. These tests read the query plans,
 * so a FerretDB build that loses a patch fails here, and they check the answers stay MongoDB's.
 */
interface Row {
  _id: string;
  state?: unknown;
  groups?: unknown;
  n?: number;
  title?: string;
}

describe('reads through indexes on the run’s database', () => {
  let t: TestDatabase;
  let ferret: boolean;
  const rows: Row[] = [];

  beforeAll(async () => {
    t = await openTestDatabase('pushdown');
    const info = await t.db.admin().command({ buildInfo: 1 });
    ferret = 'ferretdb' in info;
    for (let n = 0; n < 300; n++) {
      rows.push({
        _id: `doc-${n}`,
        state: ['open', 'closed', 'new'][n % 3],
        groups: n % 2 ? ['a', 'b'] : n % 4 ? 'a' : 'c',
        n,
        title: n % 7 ? `t${n}` : 'x<&>"é\\',
      });
    }
    rows.push(
      { _id: 'array-state', state: ['open', 'z'] },
      { _id: 'object-state', state: { open: 1 } },
      { _id: 'none' },
    );
    const plan = t.db.collection<Row>('plan');
    await plan.createIndex({ state: 1, n: -1 });
    await plan.createIndex({ groups: 1 });
    await plan.insertMany(rows);
  });
  afterAll(async () => t.close());

  async function planOf(filter: object): Promise<string> {
    const explained = await t.db.command({ explain: { find: 'plan', filter } });
    return JSON.stringify(explained['queryPlanner']);
  }

  it('given a find by _id, when explained, then the plan searches the _id index instead of scanning', async () => {
    const plan = await planOf({ _id: 'doc-150' });
    if (ferret) {
      expect(plan).toMatch(/SEARCH \S+ USING INDEX \S+__id_/);
      expect(plan).not.toMatch(/SCAN/);
    } else {
      expect(plan).not.toContain('COLLSCAN'); // real MongoDB: IDHACK or an index scan
    }
  });

  it('given equality on an indexed field, when explained, then both index searches replace the scan', async () => {
    for (const filter of [{ state: 'open' }, { state: { $in: ['open', 'new'] } }, { groups: 'a', n: { $gt: 3 } }]) {
      const plan = await planOf(filter);
      if (ferret)
        expect(plan, JSON.stringify(filter)).toMatch(/MULTI-INDEX OR.*SEARCH.*USING INDEX.*SEARCH.*USING INDEX/);
      else expect(plan).not.toContain('COLLSCAN');
    }
  });

  it('given arrays, objects, missing fields and escaped strings, when filtered, then the answers are MongoDB’s', async () => {
    const plan = t.db.collection<Row>('plan');
    const ids = async (filter: object) => (await plan.find(filter).toArray()).map((row) => row._id).sort();
    const expected = (keep: (row: Row) => boolean) =>
      rows
        .filter(keep)
        .map((row) => row._id)
        .sort();
    const has = (value: unknown, wanted: string) =>
      value === wanted || (Array.isArray(value) && value.includes(wanted));

    expect(await ids({ state: 'open' })).toEqual(expected((row) => has(row.state, 'open')));
    expect(await ids({ state: { $eq: 'open' } })).toEqual(expected((row) => has(row.state, 'open')));
    expect(await ids({ state: { $in: ['open', 'new'] } })).toEqual(
      expected((row) => has(row.state, 'open') || has(row.state, 'new')),
    );
    expect(await ids({ groups: 'b', state: 'open' })).toEqual(
      expected((row) => has(row.groups, 'b') && has(row.state, 'open')),
    );
    expect(await ids({ title: 'x<&>"é\\' })).toEqual(expected((row) => row.title === 'x<&>"é\\'));
    expect(await ids({ 'state.open': 1 })).toEqual(['object-state']);
    expect(await ids({ _id: 'doc-4', state: 'closed' })).toEqual(['doc-4']);
    expect(await ids({ _id: 'doc-4', state: 'open' })).toEqual([]);
    expect(await plan.countDocuments({ state: 'closed' })).toBe(100);
  });

  it('given writes by _id and by equality, when applied, then each hits exactly its documents', async () => {
    const plan = t.db.collection<Row>('plan');
    await plan.replaceOne({ _id: 'doc-7' }, { state: 'closed', n: 70 });
    expect(await plan.findOne({ _id: 'doc-7' })).toEqual({ _id: 'doc-7', state: 'closed', n: 70 });
    expect((await plan.updateMany({ state: 'closed' }, { $set: { title: 'c' } })).modifiedCount).toBe(100);
    expect((await plan.deleteMany({ state: 'new' })).deletedCount).toBe(100);
    expect(await plan.findOne({ _id: 'no-such' })).toBeNull();
    expect(await plan.countDocuments({})).toBe(rows.length - 100);
  });
});
