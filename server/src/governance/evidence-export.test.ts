import { createHash } from 'node:crypto';
import { storedData } from '@clauseflow/application/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { useRecordWorld } from '../test-support/test-world.ts';
import type { Definition } from '@clauseflow/definition';
import { eventHash, eventId, sha256Hex, type VerifyResult } from '@clauseflow/runtime';
import { INCIDENT, type Caller } from '../records/testing/record-fixture.ts';
import { expectProblem } from '../test-support/schema-check.ts';
import { closedRecord, ok, openRecord } from './testing/governance-fixture.ts';

const DAY = 86_400_000;
const T0 = new Date('2026-03-01T09:00:00Z');
const at = (days: number) => new Date(T0.getTime() + days * DAY);

interface Line {
  kind: string;
  [key: string]: unknown;
}
interface DefinitionLine extends Line {
  version: number;
  sha256: string;
  sha256Verified: boolean;
  text: string;
  conformance: { ok: boolean; verdicts: { requirement: string; status: string }[] };
}
interface RecordLine extends Line {
  record: { id: string; title: string; status: string };
  verification: VerifyResult;
  events: ({ seq: number; hash: string } & Record<string, unknown>)[];
  notes: { text: string }[];
}
interface EndLine extends Line {
  counts: Record<string, number>;
  sha256: string;
}

/** Splits an NDJSON pack into its parsed lines, checking that every line ends with a newline. */
function parsePack(body: string): Line[] {
  expect(body.endsWith('\n')).toBe(true);
  return body
    .slice(0, -1)
    .split('\n')
    .map((text) => JSON.parse(text) as Line);
}

describe('the auditor’s evidence pack (ISO/IEC 20000-1 7.5.4.l)', () => {
  const world = useRecordWorld('evidence', { at: T0 });
  let early: string;
  let closed: string;
  let open: string;

  /**
   * Exports through the app. Problems go through the OpenAPI-checking client; a pack (NDJSON,
   * which that client would parse as one JSON document) is checked against the document here.
   */
  const exportPack = async (
    caller: Caller,
    key = 'incident',
    query = `?from=${at(1).toISOString()}&to=${at(3).toISOString()}`,
  ) => {
    const url = `/api/processes/${key}/evidence${query}`;
    const response = await world.app.inject({ method: 'GET', url, headers: caller.headers });
    if (response.statusCode !== 200)
      return world.api.call('GET', '/api/processes/:key/evidence', { url, headers: caller.headers });
    const declared = world.api.doc.paths['/api/processes/{key}/evidence']?.['get']?.responses?.['200']?.content;
    expect(Object.keys(declared ?? {})).toEqual(['application/x-ndjson']);
    return response;
  };

  beforeAll(async () => {
    // A second published version of the process.
    await world.app.platform.definitions.publish(
      { ...INCIDENT, key: 'incident' },
      world.who.owner.id,
      world.clock.now(),
    );
    // Created before the period, then disposed of inside it.
    early = await closedRecord(world.app, world.who, 'Old outage');
    await ok(world.app, {
      method: 'PUT',
      url: '/api/processes/incident/retention',
      headers: world.who.owner.headers,
      payload: { period: 'P1D', from: 'closed' },
    });
    world.clock.current = at(2);
    await ok(world.app, {
      method: 'POST',
      url: `/api/records/${early}/disposal`,
      headers: world.who.admin.headers,
      payload: { reason: 'Retention over' },
    });
    closed = await closedRecord(world.app, world.who, 'Disk full');
    world.clock.advance(3_600_000);
    open = await openRecord(world.app, world.who.requester, 'Slow Wi-Fi');
    world.clock.current = at(4);
  });

  it('given the owner exports a period, then one NDJSON download holds the manifest, every version with its hash and verdicts, the records with verified logs and notes, and the disposals', async () => {
    const response = await exportPack(world.who.owner);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/x-ndjson; charset=utf-8');
    expect(response.headers['content-disposition']).toBe(
      'attachment; filename="evidence-incident-20260302T090000Z-20260304T090000Z.ndjson"',
    );
    const lines = parsePack(response.body);
    expect(lines.map((line) => line.kind)).toEqual([
      'manifest',
      'definition',
      'definition',
      'record',
      'record',
      'disposal',
      'end',
    ]);

    expect(lines[0]).toMatchObject({
      kind: 'manifest',
      format: 'clauseflow.evidence-pack',
      generatedAt: at(4).toISOString(),
      generatedBy: { id: world.who.owner.id, username: 'owner' },
      process: { key: 'incident', retention: { period: 'P1D', from: 'closed' } },
      period: { from: at(1).toISOString(), to: at(3).toISOString() },
    });

    const definitions = lines.filter((line): line is DefinitionLine => line.kind === 'definition');
    expect(definitions.map((line) => line.version)).toEqual([1, 2]);
    for (const line of definitions) {
      const stored = await world.app.platform.definitions.get('incident', line.version);
      expect(line.sha256).toBe(stored?.sha256);
      expect(sha256Hex(line.text)).toBe(line.sha256);
      expect(line.sha256Verified).toBe(true);
      // The verdicts are those the platform's checker gives the stored version.
      const checked = world.app.platform.conformance.checkDefinition(JSON.parse(line.text) as Definition);
      expect(line.conformance.ok).toBe(checked.ok);
      expect(line.conformance.verdicts).toEqual(JSON.parse(JSON.stringify(checked.result.verdicts)));
      expect(line.conformance.verdicts.length).toBeGreaterThan(0);
    }

    const records = lines.filter((line): line is RecordLine => line.kind === 'record');
    expect(records.map((line) => line.record.id)).toEqual([closed, open]);
    const [closedLine, openLine] = records;
    expect(closedLine?.record).toMatchObject({ title: 'Disk full', status: 'done' });
    expect(closedLine?.verification).toEqual({
      ok: true,
      length: closedLine?.events.length,
      headHash: closedLine?.events.at(-1)?.hash,
    });
    expect(closedLine?.events.map((event) => event.seq)).toEqual([1, 2, 3, 4]);
    // Each exported event recomputes to its hash, as an auditor would check it.
    for (const event of [...(closedLine?.events ?? []), ...(openLine?.events ?? [])]) {
      expect(eventHash(event)).toBe(event.hash);
    }
    expect(closedLine?.notes.map((note) => note.text)).toEqual(['Working on Disk full']);
    expect(openLine?.verification.ok).toBe(true);
    expect(records.map((line) => line.record.id)).not.toContain(early);

    expect(lines[5]).toMatchObject({
      kind: 'disposal',
      recordId: early,
      title: 'Old outage',
      reason: 'Retention over',
      authorizedBy: { id: world.who.admin.id },
    });

    const end = lines.at(-1) as EndLine;
    expect(end.counts).toEqual({ definitions: 2, records: 2, events: 5, notes: 1, disposals: 1, brokenChains: 0 });
    const body = response.body;
    const before = body.slice(0, body.lastIndexOf('\n', body.length - 2) + 1);
    expect(end.sha256).toBe(createHash('sha256').update(before, 'utf8').digest('hex'));
  });

  it('given one event altered in the database, then that record’s verification in the export fails and the end line counts it', async () => {
    await storedData(world.app.platform.clauseflow)
      .raw<{ _id: string }>('events')
      .updateOne({ _id: eventId(closed, 2) }, { $set: { actor: 'someone-else' } });
    const lines = parsePack((await exportPack(world.who.admin)).body);
    const records = lines.filter((line): line is RecordLine => line.kind === 'record');
    expect(records.find((line) => line.record.id === closed)?.verification).toMatchObject({
      ok: false,
      code: 'CHAIN_BROKEN',
      brokenAt: 2,
      reason: 'HASH_MISMATCH',
    });
    expect(records.find((line) => line.record.id === open)?.verification.ok).toBe(true);
    expect((lines.at(-1) as EndLine).counts['brokenChains']).toBe(1);
  });

  it('given callers without export rights, then requesters and agents get 403 and those who cannot see the process 404', async () => {
    expectProblem(await exportPack(world.who.requester), 403, 'FORBIDDEN');
    expectProblem(await exportPack(world.who.agent), 403, 'FORBIDDEN');
    expectProblem(await exportPack(world.who.otherAgent), 404, 'NOT_FOUND');
    expectProblem(await exportPack(world.who.admin, 'no-such-process'), 404, 'NOT_FOUND');
    expectProblem(await exportPack(world.who.otherAgent, 'field-work'), 403, 'FORBIDDEN');
    expectProblem(await exportPack(world.who.owner, 'field-work'), 404, 'NOT_FOUND');
  });

  it('given a period that ends before it starts or is not a date-time, then 400 VALIDATION_FAILED points at the parameter', async () => {
    const backwards = expectProblem(
      await exportPack(world.who.owner, 'incident', `?from=${at(3).toISOString()}&to=${at(1).toISOString()}`),
      400,
      'VALIDATION_FAILED',
    );
    expect(backwards.errors?.[0]).toMatchObject({ path: '/to', in: 'querystring' });
    const malformed = expectProblem(
      await exportPack(world.who.owner, 'incident', '?from=yesterday'),
      400,
      'VALIDATION_FAILED',
    );
    expect(malformed.errors?.[0]?.path).toBe('/from');
    expectProblem(await exportPack(world.who.owner, 'incident', `?from=${'9'.repeat(60)}`), 400, 'VALIDATION_FAILED');
  });

  it('given no period, then the export covers every record up to now', async () => {
    const lines = parsePack((await exportPack(world.who.owner, 'incident', '')).body);
    expect(lines[0]).toMatchObject({ period: { from: new Date(0).toISOString(), to: at(4).toISOString() } });
    expect(lines.filter((line) => line.kind === 'record')).toHaveLength(2);
  });
});
